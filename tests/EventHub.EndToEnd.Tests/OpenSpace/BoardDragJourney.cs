using EventHub.Core.Common;
using EventHub.Core.Events;
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

        var facilitator = await TallPageAsync();
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

    [Fact]
    public async Task The_whole_cell_takes_a_drop_and_a_drop_on_a_taken_cell_says_why_and_ends_placing()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var queue = App.Service<PitchQueueService>();
        var placement = App.Service<SessionPlacementService>();
        // A second room whose session has a long title makes the row much taller than an empty cell's content.
        var hall = (await App.Service<AgendaService>().SaveRoomAsync(Actor.System, seed.EventId, null, new RoomInput { Name = "Main hall", Capacity = 80 })).Value!;
        var tall = (await queue.ProposeAsync(seed.EventId, new ProposalInput(
            "What we learned running a county-wide digital inclusion programme with libraries, parish councils and volunteers over three winters", "Tam Tall"), "Tam Tall")).Value!;
        (await placement.PlaceAsync(Actor.System, tall.Id, hall.Id, seed.SlotId)).Succeeded.ShouldBeTrue();
        await queue.ProposeAsync(seed.EventId, new ProposalInput("Into the corner", "Cora Corner"), "Cora Corner");
        await queue.ProposeAsync(seed.EventId, new ProposalInput("Too late for the hall", "Lee Late"), "Lee Late");

        var facilitator = await TallPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));

        // Dropped at the very bottom corner of the empty cell, far below its "Empty" text.
        var empty = facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}");
        var box = (await empty.BoundingBoxAsync())!;
        var text = (await empty.GetByText("Empty").BoundingBoxAsync())!;
        box.Height.ShouldBeGreaterThan(text.Height + 80, "the row is much taller than the empty cell's text");
        await facilitator.GetByTestId("queue-item").Filter(new() { HasText = "Into the corner" })
            .DragToAsync(empty, new() { TargetPosition = new() { X = box.Width - 3, Y = box.Height - 3 } });
        await Assertions.Expect(empty).ToContainTextAsync("Into the corner");
        await Assertions.Expect(facilitator.GetByTestId("board-message")).ToContainTextAsync("Placed “Into the corner” in Reading room.");

        // Dropped on the hall's session: refused, saying why, and no longer placing.
        await facilitator.GetByTestId("queue-item").Filter(new() { HasText = "Too late for the hall" })
            .DragToAsync(facilitator.GetByTestId($"cell-{hall.Id}-{seed.SlotId}"));
        await Assertions.Expect(facilitator.GetByTestId("board-message")).ToContainTextAsync(OpenSpaceErrors.CellTakenForProposal.Message);
        await Assertions.Expect(facilitator.GetByTestId("selection")).ToHaveCountAsync(0);
        await Assertions.Expect(facilitator.GetByTestId($"cell-{hall.Id}-{seed.SlotId}")).Not.ToContainTextAsync("Too late for the hall");
        await Assertions.Expect(facilitator.GetByTestId("queue-item")).ToContainTextAsync(["Too late for the hall"]);
        await facilitator.ShouldHaveNoAxeViolationsAsync();
    }

    // Source and target both on screen: an HTML5 drag in Chromium does not survive Playwright scrolling mid-drag.
    private async Task<IPage> TallPageAsync()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(1280, 1600);
        return page;
    }
}
