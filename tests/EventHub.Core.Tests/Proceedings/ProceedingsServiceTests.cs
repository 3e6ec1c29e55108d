using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

public sealed class ProceedingsServiceTests
{
    [Fact]
    public async Task A_write_up_with_a_name_over_the_limit_is_refused_saying_the_limit_not_asked_for_a_name()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var outcome = await f.WriteUps.SubmitWriteUpAsync(f.SessionId, new WriteUpInput(new string('n', ProceedingsRules.MaxAuthorNameLength + 1), "Great session", null));

        outcome.ErrorFor(nameof(WriteUpInput.AuthorName)).ShouldBe($"Your name must be {ProceedingsRules.MaxAuthorNameLength} characters or fewer");
        (await f.WriteUps.SubmitWriteUpAsync(f.SessionId, new WriteUpInput(" ", "Great session", null))).ErrorFor(nameof(WriteUpInput.AuthorName)).ShouldBe("Enter your name");
    }

    [Fact]
    public async Task A_write_up_waits_for_approval_unless_the_event_trusts_contributors()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);

        var moderated = await f.WriteUps.SubmitWriteUpAsync(f.SessionId, new WriteUpInput("Ann", "Great session", null));
        (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!.Sessions.Single().WriteUps.ShouldBeEmpty();
        (await f.WriteUps.PendingWriteUpsAsync(Actors.Organiser, f.EventId)).ShouldHaveSingleItem();

        await f.WriteUps.ModerateWriteUpAsync(Actors.Organiser, moderated.Value!.Id, approve: true);
        await f.WriteUps.SetTrustContributorsAsync(Actors.Organiser, f.EventId, true);
        var trusted = await f.WriteUps.SubmitWriteUpAsync(f.SessionId, new WriteUpInput("Bob", null, "https://bob.example.org/post"));

        moderated.Value.Status.ShouldBe(WriteUpStatus.Pending);
        trusted.Value!.Status.ShouldBe(WriteUpStatus.Approved);
        (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!.Sessions.Single().WriteUps.Select(w => w.AuthorName).ShouldBe(["Ann", "Bob"]);
    }

    [Fact]
    public async Task A_write_up_needs_a_name_and_some_text_or_a_link()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var outcome = await f.WriteUps.SubmitWriteUpAsync(f.SessionId, new WriteUpInput("", " ", ""));

        outcome.ErrorFor(nameof(WriteUpInput.AuthorName)).ShouldBe(ProceedingsErrors.WriteUpName.Message);
        outcome.ErrorFor(nameof(WriteUpInput.Text)).ShouldBe(ProceedingsErrors.WriteUpEmpty.Message);
    }

    [Fact]
    public async Task Unpublished_proceedings_are_only_shown_to_organisers()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug)).ShouldBeNull();
        (await f.Proceedings.GetBookAsync(Actors.Organiser, f.Slug))!.IsPublished.ShouldBeFalse();
        (await f.Proceedings.SetPublishedAsync(Actor.Anonymous, f.EventId, true)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task The_book_has_a_contents_list_notes_and_materials_and_leaves_out_an_opted_out_convener()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.Notes.SaveNotesAsync(f.Key, new NotesInput { Convener = "Cat Convener", KeyPoints = "Publish **weekly**" });
        var pdf = (await f.Materials.UploadAsync(f.Key, "slides.pdf", Files.Pdf())).Value!;
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);

        var book = await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug);
        var html = ProceedingsHtml.Render(book!, id => $"/materials/{id}");

        html.ShouldContain("<h2 id=\"contents-heading\">Contents</h2>");
        html.ShouldContain($"<a href=\"#session-{f.SessionId}\">Publishing bus timetables</a>");
        html.ShouldContain("<strong>weekly</strong>");
        html.ShouldContain($"href=\"/materials/{pdf.Id}\"");
        html.ShouldContain("Convened by Cat Convener");
        html.ShouldContain($"<a href=\"/events/{f.Slug}/sessions/{f.SessionId}\">Add your write-up of “Publishing bus timetables”</a>");

        await f.Notes.SetConvenerNameHiddenAsync(f.Key, true);
        var optedOut = ProceedingsHtml.Render((await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!, id => $"/materials/{id}");
        optedOut.ShouldNotContain("Cat Convener");
    }

    [Fact]
    public async Task The_html_book_puts_each_day_under_its_own_heading_and_lists_the_contents_by_day()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.Notes.SaveNotesAsync(f.Key, new NotesInput { Convener = "Cat Convener", KeyPoints = "Publish weekly" });
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);
        var book = (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!;
        var first = book.Sessions.Single();
        var second = first with
        {
            SessionId = first.SessionId + 1000, Anchor = "session-next-day", Title = "Open data on day two",
            StartUtc = first.StartUtc.AddDays(1), EndUtc = first.EndUtc.AddDays(1),
        };

        var html = ProceedingsHtml.Render(book with { Sessions = [first, second] }, id => $"/materials/{id}");

        var dayOne = $"<h2 class=\"proceedings-day\">{EventTime.FormatDate(first.StartUtc, book.TimeZoneId)}</h2>";
        var dayTwo = $"<h2 class=\"proceedings-day\">{EventTime.FormatDate(second.StartUtc, book.TimeZoneId)}</h2>";
        html.IndexOf(dayOne, StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf($"<h3 id=\"{first.Anchor}\">", StringComparison.Ordinal));
        html.IndexOf($"<h3 id=\"{first.Anchor}\">", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf(dayTwo, StringComparison.Ordinal));
        html.IndexOf(dayTwo, StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<h3 id=\"session-next-day\">", StringComparison.Ordinal));
        html.ShouldContain("<h4>Key points</h4>");
        html.ShouldContain($"<li>{EventTime.FormatDate(second.StartUtc, book.TimeZoneId)}<ol><li><a href=\"#session-next-day\">Open data on day two</a></li></ol></li>");
        html.ShouldContain("<nav class=\"proceedings-contents\"");
    }

    [Fact]
    public async Task The_archive_finds_past_sessions_by_a_word_in_the_title_or_notes()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.Notes.SaveNotesAsync(f.Key, new NotesInput { KeyPoints = "Use GTFS-realtime for live arrivals" });

        (await f.Proceedings.SearchArchiveAsync("TIMETABLES")).Items.ShouldHaveSingleItem().EventSlug.ShouldBe(f.Slug);
        (await f.Proceedings.SearchArchiveAsync("arrivals")).TotalCount.ShouldBe(1);
        (await f.Proceedings.SearchArchiveAsync("knitting")).TotalCount.ShouldBe(0);
        (await f.Proceedings.SearchArchiveAsync("  ")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Published_proceedings_are_searchable_before_the_event_has_ended()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await using (var db = f.Database.CreateDbContext())
        {
            // A long event: its first sessions are written up while it is still running.
            await db.Events.Where(e => e.Id == f.EventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndUtc, f.Clock.GetUtcNow().UtcDateTime.AddDays(2)));
        }


        var beforePublishing = await f.Proceedings.SearchArchiveAsync("timetables");
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);
        var afterPublishing = await f.Proceedings.SearchArchiveAsync("timetables");

        beforePublishing.TotalCount.ShouldBe(0);
        afterPublishing.Items.ShouldHaveSingleItem().ProceedingsPublished.ShouldBeTrue();
    }

    [Fact]
    public async Task The_archive_leaves_out_draft_events()
    {
        await using var f = await ProceedingsFixture.CreateAsync(EventHub.Core.Events.EventStatus.Draft);

        (await f.Proceedings.SearchArchiveAsync("timetables")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_series_lists_past_editions_with_what_they_left_behind()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.Materials.UploadAsync(f.Key, "slides.pdf", Files.Pdf());
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);

        var editions = await f.Proceedings.PastEditionsAsync("open-data-day");

        var edition = editions.ShouldHaveSingleItem();
        edition.ProceedingsPublished.ShouldBeTrue();
        edition.MaterialCount.ShouldBe(1);
        edition.SessionCount.ShouldBe(1);
    }

    [Fact]
    public async Task Past_editions_come_fifty_a_page_latest_first_and_every_page_knows_whether_any_edition_left_a_record()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await using (var db = f.Database.CreateDbContext())
        {
            var series = await db.Series.SingleAsync(s => s.Slug == "open-data-day");
            var start = new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc);
            for (var week = 1; week <= ProceedingsService.PastEditionsPageSize; week++)
            {
                db.Events.Add(new Event
                {
                    Title = $"Open Data Day, {week} weeks before", Slug = $"odd-before-{week}", Kind = EventKind.OpenSpace, Status = EventStatus.Completed,
                    Series = series, Summary = string.Empty, StartUtc = start.AddDays(-7 * week), EndUtc = start.AddDays(-7 * week).AddHours(8), Capacity = 50,
                });
            }

            await db.SaveChangesAsync();
        }

        var first = await f.Proceedings.PastEditionsPageAsync("open-data-day", 0);
        first.Editions.TotalCount.ShouldBe(ProceedingsService.PastEditionsPageSize + 1);
        first.Editions.Items.Count.ShouldBe(ProceedingsService.PastEditionsPageSize);
        first.Editions.Items[0].Slug.ShouldBe(f.Slug, "the latest first");
        first.AnyLeftSomething.ShouldBeFalse();

        (await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        var second = await f.Proceedings.PastEditionsPageAsync("open-data-day", 1);
        second.Editions.Items.ShouldHaveSingleItem().Slug.ShouldBe($"odd-before-{ProceedingsService.PastEditionsPageSize}");
        second.AnyLeftSomething.ShouldBeTrue("the latest edition, on the first page, published its proceedings");
        (await f.Proceedings.PastEditionsPageAsync("open-data-day", 2)).Editions.Items.ShouldBeEmpty();
    }
}
