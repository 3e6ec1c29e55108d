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
        series!.Past.Count.ShouldBe(2);
        series.Upcoming.Count.ShouldBe(1);
        var upcoming = await services.Get<PublicEvents>().GetEventAsync(series.Upcoming[0].Slug);
        upcoming!.Sessions.Count.ShouldBeGreaterThan(2);
        // The forum is for Devon's public sector: the upcoming edition's rule, in the words its page shows.
        (await new EventHub.Core.Bookings.EligibilityNotice(services.Database).ForEventAsync(upcoming.Event.Id)).ShouldBe(
            "Places are for people with an email address ending devon.gov.uk or a subdomain of it. Others may ask for approval.");

        await using var db = services.Database.CreateDbContext();
        var openSpace = await db.Events.Include(e => e.Rooms).SingleAsync(e => e.Kind == EventKind.OpenSpace);
        openSpace.Status.ShouldBe(EventStatus.Published);
        openSpace.Rooms.Count.ShouldBeGreaterThan(2);
        (await db.Users.SingleAsync()).Email.ShouldBe(DemoData.OrganiserEmail);
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
