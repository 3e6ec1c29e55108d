using EventHub.Core.Common;

namespace EventHub.Core.CheckIn;

/// <summary>Lengths the door accepts: a door link's name, a scanned code, a search.</summary>
public static class CheckInRules
{
    public const int MaxLabelLength = 100;
    public const int MaxCodeLength = 64;
    public const int MaxSearchLength = 100;

    /// <summary>Fewer characters find nothing: a door link cannot list everyone a letter at a time.</summary>
    public const int MinSearchLength = 3;

    /// <summary>
    /// The latest a door link may work until: midnight at the end of the day after the event ends, on the event's wall
    /// clock. A lost phone then opens nothing once the event is over.
    /// </summary>
    public static DateTime LatestDoorLinkEndUtc(DateTime eventEndUtc, string? zoneId) => MidnightAfterUtc(eventEndUtc, zoneId, 2);

    /// <summary>
    /// When a device prepared for the offline door forgets the event's people: midnight at the end of the event's last
    /// day, on the event's wall clock.
    /// </summary>
    public static DateTime OfflineForgetUtc(DateTime eventEndUtc, string? zoneId) => MidnightAfterUtc(eventEndUtc, zoneId, 1);

    /// <summary>At most this many offline check-ins are synced in one request (a device sends the rest next).</summary>
    public const int MaxOfflineBatch = 200;

    private static DateTime MidnightAfterUtc(DateTime eventEndUtc, string? zoneId, int days)
    {
        var zone = EventTime.Zone(zoneId);
        var midnight = EventTime.ToLocal(eventEndUtc, zone).Date.AddDays(days);
        // Midnight always exists on the wall clock in the zones we offer; if not, an hour later does.
        return EventTime.TryToUtc(midnight, zone, out var utc) ? utc : TimeZoneInfo.ConvertTimeToUtc(midnight.AddHours(1), zone);
    }
}
