using System.Globalization;
using System.Text.RegularExpressions;
using EventHub.Core.Common;

namespace EventHub.Core.FollowUps;

/// <summary>
/// Reminder offsets: parsing what an organiser types ("7 days, 1 day, 2 hours"), showing them back, and when each is
/// due. Whole days are counted on the event's own wall clock, so "1 day before" a 10am event is 10am the day before
/// even across a clock change; hours are elapsed time.
/// </summary>
public static partial class ReminderSchedule
{
    public const int MinutesPerDay = 24 * 60;
    public const int MaxOffsets = 5;
    public const int MaxDays = 60;

    public static IReadOnlyList<int> Default { get; } = [7 * MinutesPerDay, MinutesPerDay];

    /// <summary>Reads what <see cref="ToStored"/> wrote; null or empty means the defaults, "none" means no reminders.</summary>
    public static IReadOnlyList<int> FromStored(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? Default
        : stored == "none" ? []
        : stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public static string ToStored(IReadOnlyList<int> offsets) =>
        offsets.Count == 0 ? "none" : string.Join(',', offsets.Select(o => o.ToString(CultureInfo.InvariantCulture)));

    /// <summary>"7 days, 1 day, 2 hours"; "none" when reminders are off.</summary>
    public static string Describe(IReadOnlyList<int> offsets) =>
        offsets.Count == 0 ? "none" : string.Join(", ", offsets.Select(DescribeOne));

    public static string DescribeOne(int minutes) => minutes % MinutesPerDay == 0
        ? Plural(minutes / MinutesPerDay, "day")
        : Plural(minutes / 60, "hour");

    /// <summary>
    /// Parses a comma-separated list of "N days" or "N hours" (also "Nd", "Nh"). "none" or an empty box turns
    /// reminders off. Answers the offsets in minutes, largest first, or the error to show.
    /// </summary>
    public static bool TryParse(string? text, out IReadOnlyList<int> offsets, out string? error)
    {
        offsets = [];
        error = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parsed = new List<int>();
        foreach (var part in trimmed.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = OffsetPattern().Match(part);
            if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                error = $"\"{part}\" is not a number of days or hours. Write reminders like 7 days, 1 day, 2 hours";
                return false;
            }

            var minutes = match.Groups["unit"].Value.StartsWith("d", StringComparison.OrdinalIgnoreCase) ? n * MinutesPerDay : n * 60;
            if (minutes > MaxDays * MinutesPerDay)
            {
                error = $"Reminders can be at most {MaxDays} days before the event";
                return false;
            }

            parsed.Add(minutes);
        }

        if (parsed.Distinct().Count() != parsed.Count)
        {
            error = "Each reminder must be at a different time";
            return false;
        }

        if (parsed.Count > MaxOffsets)
        {
            error = $"Choose at most {MaxOffsets} reminders";
            return false;
        }

        offsets = parsed.OrderDescending().ToList();
        return true;
    }

    /// <summary>When the reminder <paramref name="offsetMinutes"/> before the event is due, in UTC.</summary>
    public static DateTime DueUtc(DateTime startUtc, string? timeZoneId, int offsetMinutes)
    {
        if (offsetMinutes % MinutesPerDay != 0)
        {
            return startUtc.AddMinutes(-offsetMinutes);
        }

        var zone = EventTime.Zone(timeZoneId);
        var local = EventTime.ToLocal(startUtc, zone).AddDays(-(offsetMinutes / MinutesPerDay));

        // The same wall-clock time may not exist that day (clocks went forward): fall back to elapsed time.
        return EventTime.TryToUtc(local, zone, out var utc) ? utc : startUtc.AddMinutes(-offsetMinutes);
    }

    /// <summary>
    /// The one offset to send now: the latest that is due. Earlier ones that are also due (after downtime, or for a
    /// late booking) are passed over, so nobody gets a "7 days to go" reminder the day before.
    /// </summary>
    public static int? DueNow(IReadOnlyList<int> offsets, DateTime startUtc, string? timeZoneId, DateTime nowUtc)
    {
        if (nowUtc >= startUtc)
        {
            return null;
        }

        int? due = null;
        foreach (var offset in offsets)
        {
            if (nowUtc >= DueUtc(startUtc, timeZoneId, offset) && (due is null || offset < due))
            {
                due = offset;
            }
        }

        return due;
    }

    private static string Plural(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s");

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<unit>d|day|days|h|hr|hrs|hour|hours)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
