using EventHub.Core.Demo;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Events;

public sealed class DemoDataTests
{
    [Fact]
    public async Task An_empty_database_gets_a_forum_series_with_past_and_upcoming_editions_and_an_open_space_event()
    {
        await using var services = await CoreServices.CreateAsync();

        (await services.Get<DemoData>().SeedIfEmptyAsync()).ShouldBeTrue();

        var series = await services.Get<PublicEvents>().GetSeriesAsync("social-media-forum");
        series!.Past.TotalCount.ShouldBe(2);
        series.Upcoming.TotalCount.ShouldBe(1);
        var upcoming = await services.Get<PublicEvents>().GetEventAsync(series.Upcoming.Items[0].Slug);
        upcoming!.Sessions.Count.ShouldBeGreaterThan(2);
        // The forum is for Devon's public sector: the upcoming edition's rule, in the words its page shows.
        (await new EventHub.Core.Bookings.EligibilityNotice(services.Database).ForEventAsync(upcoming.Event.Id)).ShouldBe(
            "Places are for people with an email address ending devon.gov.uk or a subdomain of it. Others may ask for approval.");

        await using var db = services.Database.CreateDbContext();
        var openSpace = await db.Events.Include(e => e.Rooms).SingleAsync(e => e.Kind == EventKind.OpenSpace);
        openSpace.Status.ShouldBe(EventStatus.Published);
        openSpace.Rooms.Count.ShouldBeGreaterThan(2);
        (await db.Users.SingleAsync(u => u.IsAdministrator)).Email.ShouldBe(DemoData.OrganiserEmail);
    }

    [Fact]
    public async Task The_demo_door_volunteer_has_the_door_of_the_upcoming_forum_only_and_the_administrator_sees_their_own_events_first()
    {
        await using var services = await CoreServices.CreateAsync();
        (await services.Get<DemoData>().SeedIfEmptyAsync()).ShouldBeTrue();
        await using var db = services.Database.CreateDbContext();
        var door = await db.Users.SingleAsync(u => u.Email == DemoData.DoorEmail);
        var doorActor = Core.Common.Actor.Organiser(door.Id, door.DisplayName);

        var doorList = await services.Get<EventService>().ListAsync(doorActor, new EventListQuery());

        var only = doorList.Items.ShouldHaveSingleItem();
        only.Title.ShouldBe("Social Media Forum: winter");
        only.MyRole.ShouldBe(Core.Events.Access.TeamRole.Door);
        var granted = await services.Get<Core.Events.Access.EventAccess>().ForEventAsync(doorActor, only.Id);
        granted.Has(Core.Events.Access.Permission.Door).ShouldBeTrue();
        granted.Has(Core.Events.Access.Permission.ViewAttendees).ShouldBeFalse();

        // An administrator sees every event; another administrator's own events come before the rest.
        var admin = await db.Users.SingleAsync(u => u.IsAdministrator);
        var other = Core.Common.Actor.Organiser("admin-2", "Second Admin", isAdministrator: true);
        await Teams.JoinEventAsync(services.Database, other, (await db.Events.SingleAsync(e => e.Kind == EventKind.OpenSpace)).Id, Core.Events.Access.TeamRole.Viewer);
        var otherList = await services.Get<EventService>().ListAsync(other, new EventListQuery());
        otherList.Items[0].Kind.ShouldBe(EventKind.OpenSpace);
        otherList.Items[0].MyRole.ShouldBe(Core.Events.Access.TeamRole.Viewer);
        otherList.Items.Skip(1).ShouldAllBe(e => e.MyRole == null);
        (await services.Get<EventService>().ListAsync(Core.Common.Actor.Organiser(admin.Id, admin.DisplayName, true), new EventListQuery()))
            .Items.ShouldAllBe(e => e.MyRole == Core.Events.Access.TeamRole.Owner);
    }

    [Fact]
    public async Task A_database_with_data_is_left_alone()
    {
        await using var services = await CoreServices.CreateAsync();
        (await services.Get<DemoData>().SeedIfEmptyAsync()).ShouldBeTrue();

        (await services.Get<DemoData>().SeedIfEmptyAsync()).ShouldBeFalse();

        await using var db = services.Database.CreateDbContext();
        (await db.Series.CountAsync()).ShouldBe(1);
    }
}
