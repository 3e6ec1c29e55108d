namespace EventHub.Core.Events;

/// <summary>What an event looked like before an organiser's change, for observers to compare with.</summary>
public sealed record EventBefore(DateTime StartUtc, DateTime EndUtc, string TimeZoneId, string VenueName, string VenueAddress, string OnlineUrl, EventStatus Status)
{
    public static EventBefore Of(Event ev) => new(ev.StartUtc, ev.EndUtc, ev.TimeZoneId, ev.VenueName, ev.VenueAddress, ev.OnlineUrl, ev.Status);

    public bool TimeChanged(Event now) => StartUtc != now.StartUtc || EndUtc != now.EndUtc || TimeZoneId != now.TimeZoneId;

    public bool PlaceChanged(Event now) => VenueName != now.VenueName || VenueAddress != now.VenueAddress || OnlineUrl != now.OnlineUrl;
}
