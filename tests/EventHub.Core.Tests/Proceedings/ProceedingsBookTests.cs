using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

public sealed class ProceedingsBookTests
{
    [Fact]
    public async Task The_book_follows_the_board_by_day_slot_and_room_not_by_title()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await AddBoardAsync(f);
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);

        var book = await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug);

        // Day one 10am: the Library comes before the Attic on the board, whatever the titles say; then 2pm; then day two.
        book!.Sessions.Select(s => s.Title).ShouldBe(
            ["Publishing bus timetables", "Accessible maps", "Zoning data", "Walking routes", "Air quality", "Bring your own topic"]);
    }

    [Fact]
    public async Task The_markdown_book_has_the_sessions_in_board_order_with_times_rooms_notes_write_ups_and_materials()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await AddBoardAsync(f);
        await f.Notes.SaveNotesAsync(f.Key, new NotesInput
        {
            Convener = "Cat Convener",
            KeyPoints = "Publish **weekly**\n\n<script>alert(1)</script>\n\nSee [the spec](https://gtfs.org) and [this](javascript:alert(2))",
        });
        var pdf = (await f.Materials.UploadAsync(f.Key, "slides.pdf", Files.Pdf())).Value!;
        await f.WriteUps.SetTrustContributorsAsync(Actors.Organiser, f.EventId, true);
        await f.WriteUps.SubmitWriteUpAsync(f.SessionId, new WriteUpInput("Ann <b>", "It was _good_ <img src=x onerror=alert(3)>", "https://ann.example.org/post"));
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);

        var book = (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!;
        var md = ProceedingsMarkdown.Render(book, "https://events.example.org", id => $"/materials/{id}");

        md.ShouldStartWith("# Proceedings: Open Data Day 2026\n\nTue 10 Nov 2026 · 6 sessions");
        var headings = md.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        headings.ShouldBe(["### Publishing bus timetables", "### Accessible maps", "### Zoning data", "### Walking routes", "### Air quality", "### Bring your own topic"]);
        md.IndexOf("## Tue 10 Nov 2026", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("## Wed 11 Nov 2026", StringComparison.Ordinal));
        md.ShouldContain("### Publishing bus timetables\n\nTuesday 10 November 2026, 10am to 11am GMT, Library\n\nConvened by Cat Convener");
        md.ShouldContain("Publish **weekly**");
        md.ShouldContain("See [the spec](https://gtfs.org) and this");
        md.ShouldContain("&lt;script>alert(1)&lt;/script>");
        md.ShouldNotContain("<script");
        md.ShouldNotContain("javascript:");
        md.ShouldContain($"- [slides](https://events.example.org/materials/{pdf.Id}) (slides.pdf, ");
        md.ShouldContain("By Ann \\<b\\>\n\nIt was _good_ &lt;img src=x onerror=alert(3)>");
        md.ShouldContain("[Read Ann \\<b\\>'s write-up](https://ann.example.org/post)");
        md.ShouldNotContain("<img");
        md.ShouldNotContain("<b>");
    }

    /// <summary>
    /// Adds an Attic (after the fixture's Library on the board) and sessions over two days whose titles sort
    /// differently from their places on the board. The fixture's session is day one, 10am, Library.
    /// </summary>
    internal static async Task AddBoardAsync(ProceedingsFixture f)
    {
        var day1 = new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);
        var day2 = day1.AddDays(1);
        await using var db = f.Database.CreateDbContext();
        var library = await db.Rooms.SingleAsync(r => r.EventId == f.EventId);
        var attic = new Room { EventId = f.EventId, Name = "Attic", SortOrder = library.SortOrder + 1 };
        db.Rooms.Add(attic);
        await db.SaveChangesAsync();
        db.Sessions.AddRange(
            Session(f, day2.AddHours(10), null, "Bring your own topic"),
            Session(f, day2.AddHours(10), attic.Id, "Air quality"),
            Session(f, day2.AddHours(10), library.Id, "Walking routes"),
            Session(f, day1.AddHours(14), library.Id, "Zoning data"),
            Session(f, day1.AddHours(10), attic.Id, "Accessible maps"));
        await db.SaveChangesAsync();
    }

    private static Session Session(ProceedingsFixture f, DateTime startUtc, int? roomId, string title) =>
        new() { EventId = f.EventId, RoomId = roomId, Title = title, StartUtc = startUtc, EndUtc = startUtc.AddHours(1) };
}
