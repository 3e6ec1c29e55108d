using Bunit;
using EventHub.Core.Events;
using EventHub.Web.Features.Events;
using EventHub.Web.Tests.Support;

namespace EventHub.Web.Tests.Events;

/// <summary>The event page offers a place exactly while the allocator would give one: until "Booking closes", or the start.</summary>
public sealed class EventPageBookingClosesTests : WebTestContext
{
    private static readonly DateTime Start = new(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task After_the_start_the_page_still_offers_a_place_until_booking_closes_for_walk_ins()
    {
        await AddEventAsync("walk-in-forum", closesUtc: Start.AddHours(2));
        Core.Clock.SetUtcNow(Start.AddHours(1));

        var page = Render<EventPage>(p => p.Add(c => c.Slug, "walk-in-forum"));

        page.WaitForElement("[data-testid=book-link]").TextContent.ShouldBe("Book a place");
        page.Find("[data-testid=event-places]").TextContent.ShouldBe("80 of 80 places left");

        Core.Clock.SetUtcNow(Start.AddHours(2));
        var closed = Render<EventPage>(p => p.Add(c => c.Slug, "walk-in-forum"));

        closed.WaitForElement("[data-testid=event-places]").TextContent.ShouldBe("Booking has closed");
        closed.FindAll("[data-testid=book-link]").ShouldBeEmpty();
    }

    [Fact]
    public async Task With_no_closing_time_the_page_says_booking_has_closed_once_the_event_starts()
    {
        await AddEventAsync("no-close-forum", closesUtc: null);
        Core.Clock.SetUtcNow(Start);

        var page = Render<EventPage>(p => p.Add(c => c.Slug, "no-close-forum"));

        page.WaitForElement("[data-testid=event-places]").TextContent.ShouldBe("Booking has closed");
        page.FindAll("[data-testid=book-link]").ShouldBeEmpty();
        page.FindAll("[data-places-stream]").ShouldBeEmpty();
    }

    private async Task AddEventAsync(string slug, DateTime? closesUtc)
    {
        await using var db = Core.Database.CreateDbContext();
        db.Add(new Event
        {
            Title = "Walk-in Forum", Slug = slug, StartUtc = Start, EndUtc = Start.AddHours(6), Capacity = 80,
            Status = EventStatus.Published, BookingClosesUtc = closesUtc, TimeZoneId = "Europe/London",
        });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
