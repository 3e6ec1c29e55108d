using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Dashboards;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.Dashboards;

public sealed class EventDashboardTests : DashboardTestContext
{
    private int _eventId;

    protected override async Task SeedAsync()
    {
        // Booking opened eight hours ago (1am in London, it is now 9am); capacity 3, all taken, one person waiting, one checked in.
        var opens = Kit.Now.AddHours(-8);
        _eventId = await Kit.EventAsync(capacity: 3, opens, Kit.Now.AddDays(2));
        await Kit.BookAsync(_eventId, "a@devon.gov.uk", BookingStatus.Confirmed, opens.AddMinutes(10), checkedIn: true);
        await Kit.BookAsync(_eventId, "b@devon.gov.uk", BookingStatus.Confirmed, opens.AddHours(1));
        await Kit.BookAsync(_eventId, "c@cornwall.gov.uk", BookingStatus.Confirmed, opens.AddHours(3));
        await Kit.BookAsync(_eventId, "w@example.org", BookingStatus.Waiting, opens.AddHours(4));
    }

    [Fact]
    public void The_owner_sees_places_and_door_as_bars_and_each_chart_has_its_words_and_table()
    {
        SignIn(Actors.Organiser);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("3 of 3 places taken; 1 on the waiting list"));
        cut.Find("#dashboard-places").GetAttribute("value").ShouldBe("3");
        cut.Find("label[for=dashboard-places]").TextContent.ShouldBe("Places taken");
        cut.Find("[data-testid=dashboard-door]").TextContent.ShouldBe("1 checked in of 3 confirmed");
        cut.Find("#dashboard-door").GetAttribute("max").ShouldBe("3");
        cut.FindAll("[data-testid=dashboard-online-bar]").ShouldBeEmpty();
        cut.FindAll("#dashboard-online").ShouldBeEmpty();

        cut.Find("[data-testid=curve-summary]").TextContent.ShouldBe(
            "From Mon 2 Nov, 1am to Mon 2 Nov, 9am (event time), 3 places booked and 1 person joined the waiting list. "
            + "All 3 places were taken by Mon 2 Nov, 4am.");
        var curve = cut.FindAll("[data-testid=curve-table] tbody tr");
        curve.Count.ShouldBe(9);
        curve[4].TextContent.ShouldBe("Mon 2 Nov, 5am31");
        cut.FindAll("svg").Count.ShouldBeGreaterThanOrEqualTo(2);

        cut.Find("[data-testid=organisations-summary]").TextContent.ShouldBe("2 organisations hold confirmed places; devon.gov.uk holds the most (2).");
        cut.FindAll("[data-testid=organisations-table] tbody tr").Select(r => r.TextContent).ShouldBe(["devon.gov.uk2", "cornwall.gov.uk1"]);
    }

    [Fact]
    public async Task A_viewer_on_the_team_sees_the_figures()
    {
        await Teams.JoinEventAsync(Kit.Database, Actors.Viewer, _eventId, TeamRole.Viewer);
        SignIn(Actors.Viewer);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-places]").TextContent.ShouldStartWith("3 of 3 places taken"));
    }

    [Fact]
    public async Task A_stranger_sees_nothing_not_even_the_refusal()
    {
        SignIn(Actors.Stranger);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));
        // Give the load longer than the owner's takes, so an empty render is not just an early look.
        await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        cut.Render();

        cut.Markup.Trim().ShouldBeEmpty();
        cut.Markup.ShouldNotContain(DashboardErrors.EventNotFound.Message);
    }

    [Fact]
    public async Task A_check_in_and_a_new_booking_move_the_figures_live()
    {
        SignIn(Actors.Organiser);
        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-door]").TextContent.ShouldBe("1 checked in of 3 confirmed"));

        await using (var db = Kit.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == _eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 4), Xunit.TestContext.Current.CancellationToken);
        }

        await Kit.BookAsync(_eventId, "d@somerset.gov.uk", BookingStatus.Confirmed, Kit.Now, checkedIn: true);
        Kit.Services.Get<ILiveSignal>().Publish(_eventId, LiveTopics.CheckIn);

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-door]").TextContent.ShouldBe("2 checked in of 4 confirmed"));
        cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("4 of 4 places taken; 1 on the waiting list");
        cut.FindAll("[data-testid=organisations-table] tbody tr").Count.ShouldBe(3);
    }

    [Fact]
    public async Task On_a_hybrid_event_the_door_bar_counts_the_room_and_says_how_many_are_confirmed_online()
    {
        var online = await Kit.OnlineTypeAsync(_eventId);
        await Kit.BookOnlineAsync(_eventId, online, "o1@devon.gov.uk", Kit.Now.AddHours(-1));
        await Kit.BookOnlineAsync(_eventId, online, "o2@devon.gov.uk", Kit.Now.AddHours(-1));
        SignIn(Actors.Organiser);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-door]").TextContent.ShouldBe(
            "1 checked in of 3 confirmed in person; 2 confirmed online (they join by link, so the door does not count them)"));
        cut.Find("#dashboard-door").GetAttribute("max").ShouldBe("3");
        cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("3 of 3 places taken; 1 on the waiting list");
        cut.Find("label[for=dashboard-places]").TextContent.ShouldBe("Places taken in the room");
        cut.Find("#dashboard-places").GetAttribute("max").ShouldBe("3");
        cut.Find("[data-testid=dashboard-online]").TextContent.ShouldBe("2 of 50 online places taken");
        cut.Find("label[for=dashboard-online]").TextContent.ShouldBe("Online places taken");
        cut.Find("#dashboard-online").GetAttribute("max").ShouldBe("50");
        cut.Find("#dashboard-online").GetAttribute("value").ShouldBe("2");
        cut.Find("[data-testid=curve-summary]").TextContent.ShouldBe(
            "From Mon 2 Nov, 1am to Mon 2 Nov, 9am (event time), 3 places in the room booked and 1 person joined the waiting list. "
            + "All 3 places in the room were taken by Mon 2 Nov, 4am.");
    }

    [Fact]
    public async Task Someone_joining_and_leaving_the_waiting_list_moves_the_waiting_count_live_and_the_peak_stays()
    {
        SignIn(Actors.Organiser);
        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("3 of 3 places taken; 1 on the waiting list"));
        var bookings = Kit.Services.Get<BookingService>();
        var ct = Xunit.TestContext.Current.CancellationToken;

        var joined = await bookings.BookAsync(new BookingRequest(_eventId, EventHub.Core.Tests.Bookings.BookingKit.Form("Dee Example")), ct);
        joined.Value!.Status.ShouldBe(BookingStatus.Waiting);
        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("3 of 3 places taken; 2 on the waiting list"));

        (await bookings.LeaveWaitlistAsync(joined.Value.ManageToken, ct)).Succeeded.ShouldBeTrue();
        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("3 of 3 places taken; 1 on the waiting list (at most 2 at once)"));
    }

    [Fact]
    public async Task Two_online_types_add_their_places_and_their_quotas()
    {
        var first = await Kit.OnlineTypeAsync(_eventId, places: 30);
        var second = await Kit.OnlineTypeAsync(_eventId, places: 20);
        await Kit.BookOnlineAsync(_eventId, first, "o1@devon.gov.uk", Kit.Now.AddHours(-1));
        await Kit.BookOnlineAsync(_eventId, second, "o2@devon.gov.uk", Kit.Now.AddHours(-1));
        await Kit.BookOnlineAsync(_eventId, second, "o3@devon.gov.uk", Kit.Now.AddHours(-1));
        SignIn(Actors.Organiser);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-online]").TextContent.ShouldBe("3 of 50 online places taken"));
        cut.Find("#dashboard-online").GetAttribute("max").ShouldBe("50");
        cut.Find("[data-testid=dashboard-places]").TextContent.ShouldBe("3 of 3 places taken; 1 on the waiting list");
    }
}
