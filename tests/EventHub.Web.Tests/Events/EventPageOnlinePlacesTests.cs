using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Web.Features.Events;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Events;

/// <summary>An event with online places says so, with the places left of each kind, and never shows the joining link.</summary>
public sealed class EventPageOnlinePlacesTests : WebTestContext
{
    [Fact]
    public async Task A_full_room_with_online_places_left_still_offers_a_place_and_says_how_many_of_each_kind()
    {
        await AddEventAsync("hybrid-forum", roomTaken: 20, onlineTaken: 15);

        var page = Render<EventPage>(p => p.Add(c => c.Slug, "hybrid-forum"));

        page.WaitForElement("[data-testid=event-places]").TextContent.ShouldBe(PlacesText.FullyBooked);
        var online = page.Find("[data-testid=event-places-online]");
        online.TextContent.ShouldBe("Join online: 45 of 60 online places left");
        // The places stream keeps the online line and the button current too (its keys).
        online.GetAttribute("data-places-text").ShouldBe(PlacesText.OnlineKey(await OnlineTypeIdAsync()));
        page.Find("[data-testid=book-link]").TextContent.ShouldBe("Book a place");
        page.Find("[data-testid=book-link]").GetAttribute("data-places-text").ShouldBe("action");
        // Search engines are told places are still to be had, not that the event is sold out.
        System.Text.Json.JsonDocument.Parse(page.Find("[data-testid=event-json-ld]").TextContent).RootElement
            .GetProperty("offers").GetProperty("availability").GetString().ShouldBe("https://schema.org/InStock");
        page.Find("[data-testid=event-online]").TextContent.ShouldContain("confirmed online place");
        page.Markup.ShouldNotContain("https://meet.example.org/forum-room");
        page.FindAll("[data-testid=next-edition]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_without_online_places_shows_its_places_as_before()
    {
        await AddEventAsync("room-forum", roomTaken: 5, onlineTaken: null);

        var page = Render<EventPage>(p => p.Add(c => c.Slug, "room-forum"));

        page.WaitForElement("[data-testid=event-places]").TextContent.ShouldBe("15 of 20 places left");
        page.FindAll("[data-testid=event-places-online]").ShouldBeEmpty();
        page.FindAll("[data-testid=event-online]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_home_page_badge_counts_the_online_places_apart_from_the_full_room()
    {
        await AddEventAsync("hybrid-forum", roomTaken: 20, onlineTaken: 15);
        await AddEventAsync("room-forum", roomTaken: 5, onlineTaken: null);

        var page = Render<EventHub.Web.Features.Home.Home>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=event-card]").Count.ShouldBe(2));
        var badges = page.FindAll("[data-testid=event-card]").ToDictionary(c => c.QuerySelector("a")!.GetAttribute("href")!, c => c.QuerySelector("[data-testid=places-left]")!.TextContent.Trim());
        badges["/events/hybrid-forum"].ShouldBe("Fully booked in person, 45 online places left");
        badges["/events/room-forum"].ShouldBe("15 places left");
    }

    [Fact]
    public async Task The_booking_form_shows_each_kind_of_place_and_says_only_the_room_is_full()
    {
        await AddEventAsync("hybrid-forum", roomTaken: 20, onlineTaken: 15);
        Services.AddSingleton(_ => new BookingWriteGate());
        Services.AddSingleton(sp => new BookingService(Core.Database, Core.Clock, sp.GetRequiredService<BookingWriteGate>()));
        Services.AddSingleton(_ => new PublicBooking(Core.Database, Core.Clock));
        Support.PlainForm.AddServices(this);
        var request = new Support.PlainForm();

        var page = Render<EventHub.Web.Features.Bookings.BookPage>(p => p.Add(x => x.Slug, "hybrid-forum").AddCascadingValue(request.Http));

        page.WaitForElement("[data-testid=book-places]").TextContent.ShouldBe(PlacesText.FullyBooked);
        var online = page.Find("[data-testid=book-places-online]");
        online.TextContent.ShouldBe("Join online: 45 of 60 online places left");
        online.GetAttribute("data-places-text").ShouldBe(PlacesText.OnlineKey(await OnlineTypeIdAsync()));
        page.FindAll("[data-testid=full-notice]").ShouldBeEmpty();
        page.Find("[data-testid=room-full-notice]").TextContent.ShouldContain("Online places are still free");
    }

    [Fact]
    public async Task The_booking_form_shows_a_hidden_online_type_s_line_only_to_a_visitor_with_its_secret_link()
    {
        await AddEventAsync("hybrid-forum", roomTaken: 5, onlineTaken: 15);
        await using (var db = Core.Database.CreateDbContext())
        {
            var eventId = await db.Events.Where(e => e.Slug == "hybrid-forum").Select(e => e.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            db.Add(new TicketType
            {
                EventId = eventId, Name = "Speakers online", Attendance = Attendance.Online, Quota = 4, PlacesTaken = 3, Hidden = true,
                SecretToken = "speakers-secret", SortOrder = 2,
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        Services.AddSingleton(_ => new BookingWriteGate());
        Services.AddSingleton(sp => new BookingService(Core.Database, Core.Clock, sp.GetRequiredService<BookingWriteGate>()));
        Services.AddSingleton(_ => new PublicBooking(Core.Database, Core.Clock));
        Support.PlainForm.AddServices(this);
        var request = new Support.PlainForm();

        var plain = Render<EventHub.Web.Features.Bookings.BookPage>(p => p.Add(x => x.Slug, "hybrid-forum").AddCascadingValue(request.Http));
        plain.WaitForElement("[data-testid=book-places]");
        plain.FindAll("[data-testid=book-places-online]").Select(l => l.TextContent).ShouldBe(["Join online: 45 of 60 online places left"]);

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo(navigation.BaseUri + "events/hybrid-forum/book?ticket=speakers-secret");
        var invited = Render<EventHub.Web.Features.Bookings.BookPage>(p => p.Add(x => x.Slug, "hybrid-forum").AddCascadingValue(request.Http));
        invited.WaitForElement("[data-testid=book-places]");
        invited.FindAll("[data-testid=book-places-online]").Select(l => l.TextContent)
            .ShouldBe(["Join online: 45 of 60 online places left", "Speakers online: 1 of 4 online places left"]);
    }

    private async Task<int> OnlineTypeIdAsync()
    {
        await using var db = Core.Database.CreateDbContext();
        return await db.Set<TicketType>().Where(t => t.Attendance == Attendance.Online).Select(t => t.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task AddEventAsync(string slug, int roomTaken, int? onlineTaken)
    {
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Hybrid Forum " + slug, Slug = slug, Status = EventStatus.Published, Capacity = 20, PlacesTaken = roomTaken,
            VenueName = "County Hall", OnlineUrl = "https://meet.example.org/forum-room",
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(7), CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        db.Add(new TicketType { EventId = ev.Id, Name = "In the room", PlacesTaken = roomTaken, SortOrder = 0 });
        if (onlineTaken is { } taken)
        {
            db.Add(new TicketType { EventId = ev.Id, Name = "Join online", Attendance = Attendance.Online, Quota = 60, PlacesTaken = taken, SortOrder = 1 });
        }

        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
