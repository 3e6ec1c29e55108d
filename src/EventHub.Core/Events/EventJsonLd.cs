using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventHub.Core.Events;

/// <summary>
/// The schema.org <c>Event</c> description of a public event (JSON-LD), so search engines can show its date, place and
/// availability. Built as JSON nodes and serialised with the default encoder, which escapes <c>&lt;</c>, <c>&gt;</c>
/// and <c>&amp;</c>: nothing a title says can close the script element it is written in.
/// </summary>
public static class EventJsonLd
{
    /// <param name="pageUrl">The event page's absolute address (also the online "place": the joining link is private).</param>
    /// <param name="organiser">Who runs the event, e.g. the site's organisation.</param>
    /// <param name="onlinePlacesLeft">Online places left, apart from the room's (the booking feature counts them).</param>
    public static string Build(Event ev, string pageUrl, string organiser, DateTime nowUtc, int onlinePlacesLeft = 0)
    {
        var inPerson = !string.IsNullOrWhiteSpace(ev.VenueName) || !string.IsNullOrWhiteSpace(ev.VenueAddress);
        var online = !string.IsNullOrWhiteSpace(ev.OnlineUrl);
        var places = new JsonArray();
        if (inPerson)
        {
            places.Add(new JsonObject
            {
                ["@type"] = "Place",
                ["name"] = string.IsNullOrWhiteSpace(ev.VenueName) ? ev.VenueAddress : ev.VenueName,
                ["address"] = ev.VenueAddress.ReplaceLineEndings(", "),
            });
        }

        if (online || !inPerson)
        {
            places.Add(new JsonObject { ["@type"] = "VirtualLocation", ["url"] = pageUrl });
        }

        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = ev.Title,
            ["url"] = pageUrl,
            ["startDate"] = WithOffset(ev.StartUtc, ev.TimeZoneId),
            ["endDate"] = WithOffset(ev.EndUtc, ev.TimeZoneId),
            ["eventStatus"] = "https://schema.org/" + (ev.Status == EventStatus.Cancelled ? "EventCancelled" : "EventScheduled"),
            ["eventAttendanceMode"] = "https://schema.org/" + (inPerson && online ? "MixedEventAttendanceMode"
                : inPerson ? "OfflineEventAttendanceMode" : "OnlineEventAttendanceMode"),
            ["location"] = places.Count == 1 ? places[0]!.DeepClone() : (JsonNode)places,
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = organiser },
            ["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["url"] = pageUrl,
                ["price"] = "0",
                ["priceCurrency"] = "GBP",
                ["availability"] = "https://schema.org/" + Availability(ev, nowUtc, onlinePlacesLeft),
                ["validThrough"] = WithOffset(EventRules.BookingClosesAt(ev.BookingClosesUtc, ev.StartUtc), ev.TimeZoneId),
            },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>
    /// Discontinued once booking has closed (the offer is no longer available, whatever places are left), SoldOut when no
    /// place of any kind is left (the room's or an online one), PreOrder before booking opens, InStock otherwise. The
    /// offer's validThrough says when booking closes.
    /// </summary>
    public static string Availability(Event ev, DateTime nowUtc, int onlinePlacesLeft = 0)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.BookingHasClosed(nowUtc) ? "Discontinued"
            : ev.PlacesLeft == 0 && onlinePlacesLeft <= 0 ? "SoldOut"
            : ev.BookingOpensUtc is { } opens && opens > nowUtc ? "PreOrder"
            : "InStock";
    }

    /// <summary>The instant as the event's wall-clock time with its offset, e.g. 2026-10-25T09:00:00+00:00.</summary>
    public static string WithOffset(DateTime utc, string timeZoneId)
    {
        var local = Common.EventTime.ToLocal(utc, timeZoneId);
        var offset = Common.EventTime.Zone(timeZoneId).GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
