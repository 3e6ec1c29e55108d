using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Email;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>A convener finds their session's notes from any board view: a link on the phone and facilitation boards, a QR code on the projector.</summary>
public sealed class BoardNotesLinksJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Each_placed_session_links_to_its_notes_on_every_board_and_the_projector_shows_its_notes_qr()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var queue = App.Service<PitchQueueService>();
        var proposal = (await queue.ProposeAsync(seed.EventId, new ProposalInput("Warm spaces in libraries", "Lin"), "Lin")).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId, Ct)).Value!.SessionId;

        // The phone board: the convener follows the link to the notes page.
        var phone = await NewPageAsync(phone: true);
        await phone.GotoAsync(App.Url($"/events/{seed.Slug}/board"));
        var link = phone.GetByTestId("session-notes-link");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(link).ToHaveAccessibleNameAsync("Take the notes of “Warm spaces in libraries”");
        await phone.ShouldHaveNoAxeViolationsAsync();
        var takePath = (await link.GetAttributeAsync("href"))!;
        takePath.ShouldBe($"/events/{seed.Slug}/board/sessions/{sessionId}/notes");
        await link.ClickAsync();
        // The card's link only shows a button (a link preview mints nothing); the button opens a notes link of one's own.
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Take the notes of “Warm spaces in libraries”");
        await phone.ShouldHaveNoAxeViolationsAsync();
        await phone.GetByTestId("take-notes").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Notes: Warm spaces in libraries");
        new Uri(phone.Url).AbsolutePath.ShouldStartWith("/notes/");

        // The projector: the card carries a QR code of the same address.
        var projector = await NewPageAsync();
        await projector.SetViewportSizeAsync(1920, 1080);
        await projector.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board/projector"));
        var qr = projector.GetByTestId($"notes-qr-{sessionId}");
        await Assertions.Expect(qr).ToHaveAttributeAsync("alt", "QR code for the notes of “Warm spaces in libraries”");
        var src = (await qr.GetAttributeAsync("src"))!;
        QrDecoder.Decode(Convert.FromBase64String(src["data:image/png;base64,".Length..])).ShouldBe(App.Url(takePath));
        await projector.ShouldHaveNoAxeViolationsAsync();

        // The facilitation board: the same link on the card.
        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await Assertions.Expect(facilitator.GetByTestId("session-notes-link")).ToHaveAttributeAsync("href", takePath);
        await facilitator.ShouldHaveNoAxeViolationsAsync();
    }
}
