using EventHub.Core.Common;

namespace EventHub.Core.Dashboards;

/// <summary>
/// Turns per-hour counts into the cumulative sell-out curve in the event's time zone: hourly steps while booking has
/// been open for up to three days, daily steps after that. A pure function, so the edges are cheap to test.
/// </summary>
public static class SellOutCurve
{
    public static readonly TimeSpan HourlyUpTo = TimeSpan.FromDays(3);

    public static (CurveStep Step, IReadOnlyList<CurvePoint> Points) Build(
        IReadOnlyList<HourCount> hours, DateTime openedUtc, DateTime untilUtc, string? timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var zone = EventTime.Zone(timeZoneId);
        if (hours.Count > 0)
        {
            untilUtc = Max(untilUtc, hours.Max(h => h.HourUtc));
        }

        untilUtc = Max(untilUtc, openedUtc);
        var step = untilUtc - openedUtc <= HourlyUpTo ? CurveStep.Hour : CurveStep.Day;
        var first = Floor(EventTime.ToLocal(openedUtc, zone), step);
        var last = Floor(EventTime.ToLocal(untilUtc, zone), step);
        var byBucket = hours
            .GroupBy(h => Max(Floor(EventTime.ToLocal(h.HourUtc, zone), step), first))
            .ToDictionary(g => g.Key, g => (Booked: g.Sum(h => h.Booked), Waiting: g.Sum(h => h.Waiting)));

        var points = new List<CurvePoint>();
        var (booked, waiting) = (0, 0);
        for (var at = first; at <= last; at = Next(at, step))
        {
            if (byBucket.TryGetValue(at, out var c))
            {
                (booked, waiting) = (booked + c.Booked, waiting + c.Waiting);
            }

            points.Add(new CurvePoint(at, booked, waiting));
        }

        return (step, points);
    }

    private static DateTime Floor(DateTime local, CurveStep step) =>
        step == CurveStep.Hour
            ? new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified)
            : local.Date;

    private static DateTime Next(DateTime local, CurveStep step) => step == CurveStep.Hour ? local.AddHours(1) : local.AddDays(1);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
