using EventHub.Core.Data;

namespace EventHub.Core.Events;

public enum EventChangeKind
{
    /// <summary>The time, time zone or place changed: people holding a place need the new details.</summary>
    Rescheduled = 0,

    Cancelled = 1,
}

/// <summary>What an event looked like before an organiser's change, for observers to compare with.</summary>
public sealed record EventBefore(DateTime StartUtc, DateTime EndUtc, string TimeZoneId, string VenueName, string VenueAddress, string OnlineUrl, EventStatus Status)
{
    public static EventBefore Of(Event ev) => new(ev.StartUtc, ev.EndUtc, ev.TimeZoneId, ev.VenueName, ev.VenueAddress, ev.OnlineUrl, ev.Status);

    public bool TimeChanged(Event now) => StartUtc != now.StartUtc || EndUtc != now.EndUtc || TimeZoneId != now.TimeZoneId;

    public bool PlaceChanged(Event now) => VenueName != now.VenueName || VenueAddress != now.VenueAddress || OnlineUrl != now.OnlineUrl;
}

/// <summary>One organiser change that other features may need to act on.</summary>
public sealed record EventChange(EventChangeKind Kind, Event Event, EventBefore Before, DateTime NowUtc);

/// <summary>
/// Lets other features (booking, email) act on an event change inside the same unit of work: an observer adds
/// what it needs to <paramref name="db"/> and the <see cref="EventService"/> saves it with the change itself, so the
/// change and its consequences (the outbox rows) commit or fail together. Observers must not save.
/// </summary>
public interface IEventChangeObserver
{
    Task OnChangingAsync(EventHubDbContext db, EventChange change, CancellationToken ct);
}
