using EventHub.Core.Common;

namespace EventHub.Core.Events;

/// <summary>
/// Moves a time from one edition to the next by whole days on the event's own wall clock, so a 9:30am session stays
/// at 9:30am even when the clocks change between the two editions.
/// </summary>
public sealed record EditionShift(TimeZoneInfo Zone, int Days)
{
    public static EditionShift Between(Event source, DateOnly newStartDate)
    {
        var zone = EventTime.Zone(source.TimeZoneId);
        var oldStartDate = DateOnly.FromDateTime(EventTime.ToLocal(source.StartUtc, zone));
        return new EditionShift(zone, newStartDate.DayNumber - oldStartDate.DayNumber);
    }

    public DateTime Apply(DateTime utc)
    {
        var local = EventTime.ToLocal(utc, Zone).AddDays(Days);

        // A wall-clock time skipped when the clocks go forward does not exist that day: take the moment just after.
        return EventTime.TryToUtc(local, Zone, out var shifted) || EventTime.TryToUtc(local.AddHours(1), Zone, out shifted)
            ? shifted
            : utc.AddDays(Days);
    }

    public DateTime? Apply(DateTime? utc) => utc is { } value ? Apply(value) : null;
}
