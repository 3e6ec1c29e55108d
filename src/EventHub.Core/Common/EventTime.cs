using System.Globalization;

namespace EventHub.Core.Common;

/// <summary>
/// Converts between the wall-clock time people type and see (in an event's time zone) and the UTC we store.
/// </summary>
public static class EventTime
{
    public const string DefaultTimeZoneId = "Europe/London";

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    public static TimeZoneInfo Zone(string? id) =>
        TryFindZone(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);

    /// <summary>
    /// Local wall-clock time to UTC. A time skipped when clocks go forward does not exist and is refused;
    /// a time that happens twice when clocks go back is taken as the first (summer-time) occurrence.
    /// </summary>
    public static bool TryToUtc(DateTime local, TimeZoneInfo zone, out DateTime utc)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            var largest = offsets.Max();
            utc = DateTime.SpecifyKind(unspecified - largest, DateTimeKind.Utc);
            return true;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        return true;
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    public static DateTime ToLocal(DateTime utc, string? zoneId) => ToLocal(utc, Zone(zoneId));

    /// <summary>Short zone label as people read it: "GMT", "BST", or the UTC offset elsewhere.</summary>
    public static string Abbreviation(DateTime utc, TimeZoneInfo zone)
    {
        if (zone.Id is "Europe/London" or "GMT Standard Time")
        {
            return zone.IsDaylightSavingTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) ? "BST" : "GMT";
        }

        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"Thursday 3 December 2026, 9:30am GMT".</summary>
    public static string FormatDateTime(DateTime utc, string? zoneId)
    {
        var zone = Zone(zoneId);
        var local = ToLocal(utc, zone);
        return local.ToString("dddd d MMMM yyyy", UkCulture) + ", " + FormatClock(local) + " " + Abbreviation(utc, zone);
    }

    /// <summary>"Thursday 3 December 2026, 9:30am to 4pm GMT" (or both dates when the range crosses midnight).</summary>
    public static string FormatRange(DateTime startUtc, DateTime endUtc, string? zoneId)
    {
        var zone = Zone(zoneId);
        var start = ToLocal(startUtc, zone);
        var end = ToLocal(endUtc, zone);
        if (start.Date == end.Date)
        {
            var startAbbr = Abbreviation(startUtc, zone);
            var endAbbr = Abbreviation(endUtc, zone);
            var startLabel = FormatClock(start) + (startAbbr == endAbbr ? string.Empty : " " + startAbbr);
            return start.ToString("dddd d MMMM yyyy", UkCulture) + ", " + startLabel + " to " + FormatClock(end) + " " + endAbbr;
        }

        return FormatDateTime(startUtc, zoneId) + " to " + FormatDateTime(endUtc, zoneId);
    }

    public static string FormatDate(DateTime utc, string? zoneId) =>
        ToLocal(utc, Zone(zoneId)).ToString("ddd d MMM yyyy", UkCulture);

    /// <summary>"9:30am", "4pm", "12 noon" — the GOV.UK style for times.</summary>
    public static string FormatClock(DateTime local)
    {
        if (local.Hour == 12 && local.Minute == 0)
        {
            return "12 noon";
        }

        if (local.Hour == 0 && local.Minute == 0)
        {
            return "12 midnight";
        }

        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var suffix = local.Hour < 12 ? "am" : "pm";
        return local.Minute == 0
            ? hour.ToString(CultureInfo.InvariantCulture) + suffix
            : hour.ToString(CultureInfo.InvariantCulture) + ":" + local.Minute.ToString("00", CultureInfo.InvariantCulture) + suffix;
    }

    public static string FormatClock(DateTime utc, string? zoneId) => FormatClock(ToLocal(utc, Zone(zoneId)));

    /// <summary>Time zones offered in forms: a short list of common ones, Europe/London first.</summary>
    public static IReadOnlyList<string> CommonZoneIds { get; } =
    [
        "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "UTC", "America/New_York",
        "America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "Pacific/Auckland",
    ];
}
