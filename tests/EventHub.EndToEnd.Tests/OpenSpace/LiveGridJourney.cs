using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>
/// The live public board while the event runs: linked from the event page, a "now" line at the slot on now, and a room
/// filter that is a plain GET form (so it works without JavaScript).
/// </summary>
public sealed class LiveGridJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task While_the_event_runs_its_page_links_the_board_which_marks_now_and_filters_by_room_without_javascript()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var now = DateTime.UtcNow;
        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Events.Where(e => e.Id == seed.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartUtc, now.AddHours(-3)).SetProperty(e => e.EndUtc, now.AddHours(4)), Ct);
        }

        var layout = App.Service<BoardLayoutService>();
        var hall = (await App.Service<AgendaService>().SaveRoomAsync(Actor.System, seed.EventId, null, new RoomInput { Name = "Main hall", Capacity = 80 }, Ct)).Value!;
        var running = (await layout.AddSlotAsync(Actor.System, seed.EventId, now.AddMinutes(-20), now.AddMinutes(25), Ct)).Value!;
        var later = (await layout.AddSlotAsync(Actor.System, seed.EventId, now.AddMinutes(40), now.AddMinutes(90), Ct)).Value!;
        await PlaceAsync(seed.EventId, "Warm spaces", seed.RoomId, running.Id);
        await PlaceAsync(seed.EventId, "Open data for buses", hall.Id, running.Id);
        await PlaceAsync(seed.EventId, "Repair cafés", hall.Id, later.Id);

        var phone = await NewPageAsync(phone: true, javaScript: false);
        await phone.GotoAsync(App.Url($"/events/{seed.Slug}"));
        await Assertions.Expect(phone.GetByTestId("live-board-link")).ToContainTextAsync("Happening now.");
        await phone.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await phone.GetByTestId("live-board-link").GetByRole(AriaRole.Link).ClickAsync();
        await phone.WaitForURLAsync($"**/events/{seed.Slug}/board");

        // The now line sits just before the slot on now, which says so.
        var nowLine = phone.GetByTestId("now-line");
        await Assertions.Expect(nowLine).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Now, \d{1,2}(:\d\d)?\s?[a-z]+$"));
        (await phone.EvaluateAsync<string>("() => document.querySelector('[data-testid=now-line]').nextElementSibling.getAttribute('aria-current')")).ShouldBe("time");
        await Assertions.Expect(phone.Locator("[aria-current=time]")).ToContainTextAsync("On now");
        await Assertions.Expect(phone.Locator("[aria-current=time]")).ToContainTextAsync("Warm spaces");
        await phone.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // One room only, through the plain GET form.
        await phone.GetByTestId("room-filter-select").SelectOptionAsync(new SelectOptionValue { Label = "Main hall" });
        await phone.GetByTestId("room-filter-submit").ClickAsync();
        await phone.WaitForURLAsync($"**/events/{seed.Slug}/board?room={hall.Id}");
        await Assertions.Expect(phone.GetByTestId("room-filter-showing")).ToContainTextAsync("Showing Main hall only.");
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToHaveCountAsync(2);
        await Assertions.Expect(phone.GetByTestId("board-live")).Not.ToContainTextAsync("Warm spaces");
        await Assertions.Expect(phone.GetByTestId("room-filter-select")).ToHaveValueAsync(hall.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await phone.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // An event that has not started yet does not offer the live board.
        var future = await OpenSpaceSeed.CreateAsync(App);
        await phone.GotoAsync(App.Url($"/events/{future.Slug}"));
        await Assertions.Expect(phone.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("live-board-link")).ToHaveCountAsync(0);
    }

    private async Task PlaceAsync(int eventId, string title, int roomId, int slotId)
    {
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(eventId, new ProposalInput(title, "Cat Convener"), "Cat Convener")).Value!;
        (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, roomId, slotId, Ct)).Succeeded.ShouldBeTrue();
    }
}
