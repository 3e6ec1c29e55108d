using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Proceedings;

public sealed class ProceedingsMarkdownHttpTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_book_downloads_as_a_markdown_file_named_after_the_event_and_is_linked_from_the_page()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var events = _app.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(9);
        var ev = (await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Markdown day " + unique, VenueName = "Library", Capacity = 40, StartLocal = start, EndLocal = start.AddHours(7),
        })).Value!;
        (await _app.Service<AgendaService>().SaveSessionAsync(Actor.System, ev.Id, null, new SessionInput
        {
            Title = "Open timetables " + unique, StartLocal = start.AddHours(1), EndLocal = start.AddHours(2),
        }, Ct)).Succeeded.ShouldBeTrue();
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient();

        var unpublished = await client.GetAsync(ProceedingsMarkdown.Path(ev.Slug), Ct);
        (await _app.Service<ProceedingsService>().SetPublishedAsync(Actor.System, ev.Id, true, Ct)).Succeeded.ShouldBeTrue();
        var response = await client.GetAsync(ProceedingsMarkdown.Path(ev.Slug), Ct);
        var page = await client.GetStringAsync($"/events/{ev.Slug}/proceedings", Ct);

        unpublished.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/markdown; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"{ev.Slug}-proceedings.md");
        var markdown = await response.Content.ReadAsStringAsync(Ct);
        markdown.ShouldStartWith("# Proceedings: Markdown day " + unique);
        markdown.ShouldContain("### Open timetables " + unique);
        page.ShouldContain($"href=\"/events/{ev.Slug}/proceedings.md\"");
    }

    [Fact]
    public async Task The_published_record_exports_as_json_and_csv_with_its_licence_and_nothing_before_it_is_published()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var events = _app.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(9);
        var ev = (await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Export day " + unique, VenueName = "Library", Capacity = 40, StartLocal = start, EndLocal = start.AddHours(7),
        })).Value!;
        (await _app.Service<AgendaService>().SaveSessionAsync(Actor.System, ev.Id, null, new SessionInput
        {
            Title = "Open timetables " + unique, StartLocal = start.AddHours(1), EndLocal = start.AddHours(2),
        }, Ct)).Succeeded.ShouldBeTrue();
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var proceedings = _app.Service<ProceedingsService>();
        (await proceedings.SetLicenceAsync(Actor.System, ev.Id, nameof(ProceedingsLicence.Cc0), Ct)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient();

        var unpublished = await client.GetAsync(ArchiveExport.EventPath(ev.Slug, "json"), Ct);
        (await proceedings.SetPublishedAsync(Actor.System, ev.Id, true, Ct)).Succeeded.ShouldBeTrue();
        var json = await client.GetAsync(ArchiveExport.EventPath(ev.Slug, "json"), Ct);
        var csv = await client.GetAsync(ArchiveExport.EventPath(ev.Slug, "csv"), Ct);

        unpublished.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        json.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe(ArchiveExport.FileName(ev.Slug, "json"));
        using var document = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        var exported = document.RootElement.GetProperty("events")[0];
        exported.GetProperty("title").GetString().ShouldBe("Export day " + unique);
        exported.GetProperty("licence").GetProperty("name").GetString().ShouldBe("CC0 1.0");
        exported.GetProperty("sessions")[0].GetProperty("title").GetString().ShouldBe("Open timetables " + unique);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csvText = await csv.Content.ReadAsStringAsync(Ct);
        csvText.ShouldContain("Open timetables " + unique);
        csvText.ShouldContain("CC0 1.0");
    }
}
