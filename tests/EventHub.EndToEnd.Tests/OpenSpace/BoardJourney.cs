using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

public sealed class BoardJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{

    [Fact]
    public async Task A_facilitator_places_a_proposal_and_another_browser_sees_it_appear_without_reloading()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Sharing data between councils", "Priya Patel"), "Priya Patel");

        var phone = await NewPageAsync(phone: true);
        var blazorTraffic = phone.RecordBlazorTraffic();
        await phone.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board"));
        await Assertions.Expect(phone.GetByTestId("phone-queue")).ToContainTextAsync("Sharing data between councils");
        // A static page: its script follows the board's change stream (no circuit).
        await Assertions.Expect(phone.Locator("[data-board-listening]")).ToHaveCountAsync(1);
        await phone.ShouldHaveNoAxeViolationsAsync();

        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        // Keyboard-style placing: choose the proposal, then the cell.
        await facilitator.GetByTestId("select-proposal").ClickAsync();
        await facilitator.GetByTestId("place-here").First.ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}")).ToContainTextAsync("Sharing data between councils");
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        // The phone never reloads: the live board shows the session in its slot.
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToContainTextAsync("Sharing data between councils",
            new LocatorAssertionsToContainTextOptions { Timeout = 2_000 });
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToContainTextAsync("Reading room");
        await phone.ShouldHaveNoAxeViolationsAsync();
        blazorTraffic.ShouldBeEmpty();

        var projector = await NewPageAsync();
        await projector.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board/projector"));
        await Assertions.Expect(projector.GetByTestId("board-grid")).ToContainTextAsync("Sharing data between councils");
        await Assertions.Expect(projector.GetByTestId("board-qr")).ToBeVisibleAsync();
        await projector.ShouldHaveNoAxeViolationsAsync();
    }
}
