using System.Text;
using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>JSON and CSV exports of the published record, with the licence the organisers chose.</summary>
public sealed class ArchiveExportTests
{
    private const string Site = "https://events.example.org";

    private static string Download(int id) => $"/materials/{id}";

    [Fact]
    public async Task The_exports_hold_only_published_approved_visible_content_with_credited_names_and_the_chosen_licence()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await SeedRecordAsync(f);
        (await f.Proceedings.SetLicenceAsync(Actors.Organiser, f.EventId, nameof(ProceedingsLicence.Ogl3))).Succeeded.ShouldBeTrue();
        (await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        var book = (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!;

        using var json = JsonDocument.Parse(ArchiveExport.Json([book], Site, Download));
        var ev = json.RootElement.GetProperty("events").EnumerateArray().Single();
        ev.GetProperty("title").GetString().ShouldBe("Open Data Day 2026");
        ev.GetProperty("licence").GetProperty("name").GetString().ShouldBe("OGL v3.0");
        ev.GetProperty("licence").GetProperty("statement").GetString().ShouldBe(LicenceTerms.For(ProceedingsLicence.Ogl3).Statement);
        var session = ev.GetProperty("sessions").EnumerateArray().Single();
        session.GetProperty("title").GetString().ShouldBe("Publishing bus timetables");
        session.GetProperty("convener").GetString().ShouldBe("Cat Convener");
        session.GetProperty("keyPoints").GetString().ShouldBe("GTFS is the format");
        session.GetProperty("starts").GetString().ShouldBe("2026-11-10T10:00:00");
        var material = session.GetProperty("materials").EnumerateArray().Single();
        material.GetProperty("title").GetString().ShouldBe("Bus slides");
        material.GetProperty("address").GetString().ShouldStartWith(Site + "/materials/");
        session.GetProperty("writeUps").EnumerateArray().Single().GetProperty("author").GetString().ShouldBe("Ann Author");

        var rows = ParseCsv(ArchiveExport.Csv([book], Site, Download));
        rows[0].ShouldBe(ArchiveExport.CsvColumns);
        rows.Skip(1).Select(r => r[7]).ShouldBe(["session", "file", "write-up"]);
        rows.Skip(1).ShouldAllBe(r => r[11] == "OGL v3.0" && r.Length == ArchiveExport.CsvColumns.Count);
        rows[1][9].ShouldBe("GTFS is the format\n\nAnn to draft, a \"guide\"");
        rows[3][9].ShouldBe("We agreed.");

        foreach (var export in new[] { ArchiveExport.Json([book], Site, Download), ArchiveExport.Csv([book], Site, Download) })
        {
            export.ShouldNotContain("Held draft");
            export.ShouldNotContain("Hidden handout");
            export.ShouldNotContain("Pat Pending");
            export.ShouldNotContain("Pam Participant", Case.Insensitive);
            export.ShouldNotContain("Olive Organiser");
        }
    }

    [Fact]
    public async Task A_series_export_holds_each_published_edition_with_its_own_licence_and_leaves_out_unpublished_ones()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await SeedRecordAsync(f);
        (await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        await using (var db = f.Database.CreateDbContext())
        {
            var series = db.Series.Single();
            db.Events.Add(new Event
            {
                Title = "Open Data Day 2027", Slug = "open-data-day-2027", Kind = EventKind.OpenSpace, Status = EventStatus.Completed,
                SeriesId = series.Id, StartUtc = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2027, 3, 1, 17, 0, 0, DateTimeKind.Utc),
                Capacity = 10,
            });
            await db.SaveChangesAsync();
        }

        var books = (await f.Proceedings.SeriesBooksAsync("open-data-day"))!;

        books.Select(b => b.EventTitle).ShouldBe(["Open Data Day 2026"]);
        using var json = JsonDocument.Parse(ArchiveExport.Json(books, Site, Download));
        json.RootElement.GetProperty("events").EnumerateArray().Single().GetProperty("licence").GetProperty("name").GetString().ShouldBe("CC BY 4.0");
        (await f.Proceedings.SeriesBooksAsync("no-such-series")).ShouldBeNull();
    }

    [Theory]
    [InlineData("MIT")]
    [InlineData("4")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_licence_not_on_the_list_is_refused_and_the_default_stays_cc_by(string? typed)
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var outcome = await f.Proceedings.SetLicenceAsync(Actors.Organiser, f.EventId, typed);

        outcome.ErrorFor("Licence").ShouldBe(ProceedingsErrors.LicenceMissing.Message);
        (await f.Proceedings.GetSettingsAsync(Actors.Organiser, f.EventId))!.Licence.ShouldBe(ProceedingsLicence.CcBy4);
        (await f.Proceedings.SetLicenceAsync(Actors.Stranger, f.EventId, "Cc0")).IsNotFound.ShouldBeTrue();
    }

    private static async Task SeedRecordAsync(ProceedingsFixture f)
    {
        (await f.Notes.SaveNotesAsync(f.Key, new NotesInput
        {
            KeyPoints = "GTFS is the format", Actions = "Ann to draft, a \"guide\"", Participants = "Pam Participant", ParticipantsConsented = true, BaseRevision = 0,
        })).Succeeded.ShouldBeTrue();
        (await f.Materials.UploadAsync(f.Key, "bus.pdf", Files.Pdf(), "Bus slides")).Succeeded.ShouldBeTrue();
        var hidden = (await f.Materials.UploadAsync(EditorKey.ForOrganiser(Actors.Organiser, f.SessionId), "handout.pdf", Files.Pdf(), "Hidden handout")).Value!;
        (await f.Materials.SetHiddenAsync(Actors.Organiser, hidden.Id, true)).Succeeded.ShouldBeTrue();
        (await f.Materials.SetApproveMaterialsAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        (await f.Materials.UploadAsync(f.Key, "draft.pdf", Files.Pdf(), "Held draft")).Value!.AwaitingApproval.ShouldBeTrue();
        var approved = (await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId, new WriteUpInput("Ann Author", "We agreed.", null))).Value!;
        (await f.WriteUps.ModerateWriteUpAsync(Actors.Organiser, approved.Id, approve: true)).Succeeded.ShouldBeTrue();
        (await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId, new WriteUpInput("Pat Pending", "Not yet.", null))).Succeeded.ShouldBeTrue();
    }

    /// <summary>RFC 4180: fields in quotes may hold commas, line breaks and doubled quotes.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
