using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>The book of proceedings downloads as one PDF with the sessions in board order under day headings, with their notes and write-ups.</summary>
public sealed class ProceedingsPdfJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task The_proceedings_page_links_a_pdf_that_holds_the_sessions_in_board_order_under_day_headings()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var ev = (await App.Service<EventService>().GetAsync(Actor.System, seed.EventId))!.Event;
        var layout = App.Service<BoardLayoutService>();
        var queue = App.Service<PitchQueueService>();
        var placement = App.Service<SessionPlacementService>();
        var hall = (await App.Service<AgendaService>().SaveRoomAsync(Actor.System, seed.EventId, null, new RoomInput { Name = "Main hall", Capacity = 80 })).Value!;
        var afternoon = (await layout.AddSlotAsync(Actor.System, seed.EventId, ev.StartUtc.AddHours(5), ev.StartUtc.AddHours(6))).Value!;
        var nextDay = (await layout.AddSlotAsync(Actor.System, seed.EventId, ev.StartUtc.AddHours(25), ev.StartUtc.AddHours(26))).Value!;
        // Placed out of board order, with titles whose alphabetical order is not the board's either.
        var placed = new (string Title, int Room, int Slot)[]
        {
            ("Youth voice in planning", hall.Id, nextDay.Id),
            ("Accessible bus timetables", hall.Id, seed.SlotId),
            ("Zero waste canteens", seed.RoomId, seed.SlotId),
            ("Mapping empty shops", seed.RoomId, afternoon.Id),
            ("Open data for parish councils", seed.RoomId, nextDay.Id),
        };
        var sessions = new Dictionary<string, int>();
        foreach (var (title, room, slot) in placed)
        {
            var proposal = (await queue.ProposeAsync(seed.EventId, new ProposalInput(title, "Cat Convener"), "Cat Convener")).Value!;
            sessions[title] = (await placement.PlaceAsync(Actor.System, proposal.Id, room, slot)).Value!.SessionId;
        }

        // Notes and an approved write-up for one session.
        var notes = App.Service<NotesService>();
        var token = (await notes.CreateLinkAsync(Actor.System, sessions["Mapping empty shops"])).Value!;
        (await notes.SaveNotesAsync(EditorKey.ForToken(token), new NotesInput { KeyPoints = "- Empty shops can host pop-up libraries" })).Succeeded.ShouldBeTrue();
        using var slides = new MemoryStream([.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Repeat((byte)'x', 100), .. "\n%%EOF"u8.ToArray()]);
        var material = (await App.Service<MaterialService>().UploadAsync(EditorKey.ForToken(token), "shops.pdf", slides, "Shop map", Ct)).Value!;
        var writeUps = App.Service<WriteUpService>();
        var writeUp = (await writeUps.SubmitWriteUpAsync(sessions["Mapping empty shops"], new WriteUpInput("Wendy Writer", "We mapped forty units in one afternoon.", null))).Value!;
        (await writeUps.ModerateWriteUpAsync(Actor.System, writeUp.Id, approve: true)).Succeeded.ShouldBeTrue();

        var page = await NewPageAsync();
        await seed.SignInAsync(page, App);
        await page.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/proceedings"));
        var link = page.GetByTestId("proceedings-pdf");
        await Assertions.Expect(link).ToContainTextAsync("Download the proceedings as a PDF");
        await page.ShouldHaveNoAxeViolationsAsync();

        var response = await page.APIRequest.GetAsync(App.Url((await link.GetAttributeAsync("href"))!));
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldBe("application/pdf");
        response.Headers["content-disposition"].ShouldContain($"{seed.Slug}-proceedings.pdf");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.BodyAsync());
        var text = Squash(string.Join(" ", pdf.GetPages().Select(p => p.Text)));

        string[] boardOrder =
        [
            EventTime.FormatDate(ev.StartUtc, ev.TimeZoneId), "Zero waste canteens", "Accessible bus timetables", "Mapping empty shops",
            "Key points", "- Empty shops can host pop-up libraries", "Write-up by Wendy Writer", "We mapped forty units in one afternoon.",
            EventTime.FormatDate(ev.StartUtc.AddHours(25), ev.TimeZoneId), "Open data for parish councils", "Youth voice in planning",
        ];
        var positions = boardOrder.Select(t => text.IndexOf(Squash(t), StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0, $"every day and title is in the PDF: {text}");
        positions.ShouldBeInOrder(SortDirection.Ascending, "days and sessions in board order: " + string.Join(", ", positions));
        text.ShouldContain(Squash("Reading room"));
        text.ShouldContain(Squash("Convener: Cat Convener"));
        // A file's address is the site's public one (as in mails), not the host the request came through.
        var site = App.Service<Microsoft.Extensions.Options.IOptions<EventHub.Core.Email.EmailOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        text.ShouldContain(Squash($"Material: Shop map (shops.pdf, {site}/materials/{material.Id})"));

        // The same rules as the page: a stranger gets nothing from an unpublished book.
        (await App.CreateHttpClient().GetAsync(App.Url($"/events/{seed.Slug}/proceedings.pdf"), Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    // PDF text extraction may drop or add spaces between words: compare without them.
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
