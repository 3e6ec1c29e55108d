using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

public sealed class BoardDragJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{

    [Fact]
    public async Task A_facilitator_drags_a_proposal_into_a_cell_and_another_browser_sees_it_there()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Dragged into place", "Dee Dragger"), "Dee Dragger");

        var phone = await NewPageAsync(phone: true);
        await phone.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board"));
        await Assertions.Expect(phone.GetByTestId("phone-queue")).ToContainTextAsync("Dragged into place");
        // A static page: its script follows the board's change stream (no circuit).
        await Assertions.Expect(phone.Locator("[data-board-listening]")).ToHaveCountAsync(1);

        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        var cell = facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}").Locator(".board-cell");
        await facilitator.GetByTestId("queue-item").Filter(new() { HasText = "Dragged into place" }).DragToAsync(cell);

        await Assertions.Expect(facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}")).ToContainTextAsync("Dragged into place");
        await Assertions.Expect(facilitator.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await facilitator.ShouldHaveNoAxeViolationsAsync();
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToContainTextAsync("Dragged into place");
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToContainTextAsync("Reading room");
        await phone.ShouldHaveNoAxeViolationsAsync();
    }
}
