using System.Text.Json;
using EventHub.Core.Events;

namespace EventHub.Core.Tests.Events;

public sealed class EventJsonLdTests
{
    private const string Url = "https://events.devon.example/events/forum";
    private static readonly DateTime Now = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Event Forum(string title = "Social Media Forum") => new()
    {
        Title = title, Slug = "forum", Status = EventStatus.Published, Capacity = 40, PlacesTaken = 10,
        VenueName = "County Hall", VenueAddress = "Topsham Road\nExeter", TimeZoneId = "Europe/London",
        StartUtc = new DateTime(2026, 10, 25, 9, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 10, 25, 16, 0, 0, DateTimeKind.Utc),
    };

    private static JsonElement Parse(Event ev) => JsonDocument.Parse(EventJsonLd.Build(ev, Url, "Devon County Council", Now)).RootElement;

    [Fact]
    public void An_event_in_a_venue_is_an_offline_scheduled_free_event_with_its_place_and_times_with_offset()
    {
        var json = Parse(Forum());

        json.GetProperty("@context").GetString().ShouldBe("https://schema.org");
        json.GetProperty("@type").GetString().ShouldBe("Event");
        json.GetProperty("name").GetString().ShouldBe("Social Media Forum");
        json.GetProperty("startDate").GetString().ShouldBe("2026-10-25T09:00:00+00:00");
        json.GetProperty("eventStatus").GetString().ShouldBe("https://schema.org/EventScheduled");
        json.GetProperty("eventAttendanceMode").GetString().ShouldBe("https://schema.org/OfflineEventAttendanceMode");
        json.GetProperty("location").GetProperty("@type").GetString().ShouldBe("Place");
        json.GetProperty("location").GetProperty("name").GetString().ShouldBe("County Hall");
        json.GetProperty("location").GetProperty("address").GetString().ShouldBe("Topsham Road, Exeter");
        json.GetProperty("organizer").GetProperty("name").GetString().ShouldBe("Devon County Council");
        var offer = json.GetProperty("offers");
        offer.GetProperty("price").GetString().ShouldBe("0");
        offer.GetProperty("priceCurrency").GetString().ShouldBe("GBP");
        offer.GetProperty("availability").GetString().ShouldBe("https://schema.org/InStock");
        offer.GetProperty("validThrough").GetString().ShouldBe("2026-10-25T09:00:00+00:00", "booking closes at the start when no other time is set");
    }

    [Fact]
    public void After_booking_closes_the_offer_is_no_longer_available_even_with_places_left()
    {
        var ev = Forum();
        ev.BookingClosesUtc = new DateTime(2026, 10, 20, 16, 0, 0, DateTimeKind.Utc);

        EventJsonLd.Availability(ev, ev.BookingClosesUtc.Value.AddMinutes(-1)).ShouldBe("InStock");
        EventJsonLd.Availability(ev, ev.BookingClosesUtc.Value).ShouldBe("Discontinued");
        ev.PlacesTaken = ev.Capacity;
        EventJsonLd.Availability(ev, ev.StartUtc.AddDays(1)).ShouldBe("Discontinued");
        var offer = JsonDocument.Parse(EventJsonLd.Build(ev, Url, "Devon County Council", ev.StartUtc)).RootElement.GetProperty("offers");
        offer.GetProperty("availability").GetString().ShouldBe("https://schema.org/Discontinued");
        offer.GetProperty("validThrough").GetString().ShouldBe("2026-10-20T17:00:00+01:00");
    }

    [Fact]
    public void A_full_room_with_online_places_left_is_still_in_stock_and_sold_out_once_they_are_gone_too()
    {
        var ev = Forum();
        ev.OnlineUrl = "https://meet.example.org/forum";
        ev.PlacesTaken = ev.Capacity;

        var json = JsonDocument.Parse(EventJsonLd.Build(ev, Url, "Devon County Council", Now, onlinePlacesLeft: 12)).RootElement;

        json.GetProperty("offers").GetProperty("availability").GetString().ShouldBe("https://schema.org/InStock");
        json.GetProperty("eventAttendanceMode").GetString().ShouldBe("https://schema.org/MixedEventAttendanceMode");
        EventJsonLd.Availability(ev, Now, onlinePlacesLeft: 0).ShouldBe("SoldOut");
    }

    [Fact]
    public void Summer_time_shows_as_plus_one_hour()
    {
        var ev = Forum();
        ev.StartUtc = new DateTime(2026, 10, 24, 8, 0, 0, DateTimeKind.Utc);

        Parse(ev).GetProperty("startDate").GetString().ShouldBe("2026-10-24T09:00:00+01:00");
    }

    [Fact]
    public void Availability_follows_places_left_and_the_booking_opening()
    {
        var ev = Forum();
        ev.BookingOpensUtc = Now.AddDays(1);
        EventJsonLd.Availability(ev, Now).ShouldBe("PreOrder");
        ev.PlacesTaken = ev.Capacity;
        EventJsonLd.Availability(ev, Now).ShouldBe("SoldOut");
        ev.PlacesTaken = 0;
        ev.BookingOpensUtc = Now.AddDays(-1);
        EventJsonLd.Availability(ev, Now).ShouldBe("InStock");
    }

    [Fact]
    public void A_cancelled_hybrid_event_says_so_and_never_gives_away_the_joining_link()
    {
        var ev = Forum();
        ev.Status = EventStatus.Cancelled;
        ev.OnlineUrl = "https://meet.example/secret-room";

        var text = EventJsonLd.Build(ev, Url, "Devon County Council", Now);
        var json = JsonDocument.Parse(text).RootElement;

        json.GetProperty("eventStatus").GetString().ShouldBe("https://schema.org/EventCancelled");
        json.GetProperty("eventAttendanceMode").GetString().ShouldBe("https://schema.org/MixedEventAttendanceMode");
        json.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("@type").GetString()).ShouldBe(["Place", "VirtualLocation"]);
        json.GetProperty("location")[1].GetProperty("url").GetString().ShouldBe(Url);
        text.ShouldNotContain("secret-room");
    }

    [Fact]
    public void A_title_that_closes_the_script_element_cannot_break_out()
    {
        const string title = "Forum </script><script>alert(1)</script> & <!-- more";

        var text = EventJsonLd.Build(Forum(title), Url, "Devon </script> Council", Now);

        text.ShouldNotContain("<");
        text.ShouldNotContain(">");
        JsonDocument.Parse(text).RootElement.GetProperty("name").GetString().ShouldBe(title);
    }
}
