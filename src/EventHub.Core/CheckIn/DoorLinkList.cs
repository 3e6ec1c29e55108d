using EventHub.Core.Common;

namespace EventHub.Core.CheckIn;

/// <summary>The event's time zone, times and door links, for the organiser's door-links page.</summary>
public sealed record DoorLinkList(string TimeZoneId, IReadOnlyList<DoorLink> Links, DateTime EventStartUtc, DateTime EventEndUtc)
{
    /// <summary>A new link's suggested start: the event's start, as the event's wall clock reads (not today's).</summary>
    public DateTime DefaultFromLocal => EventTime.ToLocal(EventStartUtc, TimeZoneId);

    /// <summary>A new link's suggested end: the event's end, as the event's wall clock reads.</summary>
    public DateTime DefaultUntilLocal => EventTime.ToLocal(EventEndUtc, TimeZoneId);
}
