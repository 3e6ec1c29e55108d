using EventHub.Core.Common;

namespace EventHub.Core.Privacy;

/// <summary>
/// Pure rules for how long personal data is kept: which period applies (event, then series, then site), when it
/// falls due and how it reads. Periods count on the event's wall clock, so "7 days after" ends at the same local
/// time a week later even when the clocks change in between.
/// </summary>
public static class RetentionRules
{
    public const int DefaultPersonalDataMonths = 12;
    public const int DefaultNeedsDays = 7;
    public const int MinPersonalDataMonths = 1;
    public const int MaxPersonalDataMonths = 120;
    public const int MaxNeedsDays = 365;

    public static RetentionPolicy Resolve(RetentionSetting? forEvent, RetentionSetting? forSeries, PrivacyOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var (months, monthsFrom) = forEvent?.PersonalDataMonths is { } em ? (em, RetentionSource.Event)
            : forSeries?.PersonalDataMonths is { } sm ? (sm, RetentionSource.Series)
            : (site.PersonalDataMonths, RetentionSource.Site);
        var (days, daysFrom) = forEvent?.NeedsDays is { } ed ? (ed, RetentionSource.Event)
            : forSeries?.NeedsDays is { } sd ? (sd, RetentionSource.Series)
            : (site.NeedsDays, RetentionSource.Site);
        return new RetentionPolicy(months, monthsFrom, days, daysFrom);
    }

    public static IReadOnlyList<FieldError> Validate(RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (input.PersonalDataMonths is < MinPersonalDataMonths or > MaxPersonalDataMonths)
        {
            errors.Add(new(nameof(RetentionInput.PersonalDataMonths), PrivacyErrors.PersonalDataMonthsOutOfRange.Message));
        }

        if (input.NeedsDays is < 0 or > MaxNeedsDays)
        {
            errors.Add(new(nameof(RetentionInput.NeedsDays), PrivacyErrors.NeedsDaysOutOfRange.Message));
        }

        return errors;
    }

    /// <summary>The site's defaults: both periods are needed (nothing sits above the site to fall back to).</summary>
    public static IReadOnlyList<FieldError> ValidateSite(RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (input.PersonalDataMonths is not (>= MinPersonalDataMonths and <= MaxPersonalDataMonths))
        {
            errors.Add(new(nameof(RetentionInput.PersonalDataMonths), PrivacyErrors.EnterPersonalDataMonths.Message));
        }

        if (input.NeedsDays is not (>= 0 and <= MaxNeedsDays))
        {
            errors.Add(new(nameof(RetentionInput.NeedsDays), PrivacyErrors.EnterNeedsDays.Message));
        }

        return errors;
    }

    /// <summary>When the personal data of an event that ended at <paramref name="eventEndUtc"/> falls due (UTC).</summary>
    public static DateTime PersonalDataDueUtc(DateTime eventEndUtc, string? zoneId, int months) =>
        OnWallClock(eventEndUtc, zoneId, local => local.AddMonths(months));

    /// <summary>When the access and dietary needs of an event that ended at <paramref name="eventEndUtc"/> fall due (UTC).</summary>
    public static DateTime NeedsDueUtc(DateTime eventEndUtc, string? zoneId, int days) =>
        OnWallClock(eventEndUtc, zoneId, local => local.AddDays(days));

    public static bool IsDue(DateTime dueUtc, DateTime nowUtc) => nowUtc >= dueUtc;

    /// <summary>"for 12 months after the event (the site default)".</summary>
    public static string PersonalDataInWords(RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"for {Count(policy.PersonalDataMonths, "month")} after the event ({SourceInWords(policy.PersonalDataFrom)})";
    }

    /// <summary>"for 7 days after the event (set for this series)", or "until the event ends (…)" for 0.</summary>
    public static string NeedsInWords(RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var period = policy.NeedsDays == 0 ? "until the event ends" : $"for {Count(policy.NeedsDays, "day")} after the event";
        return $"{period} ({SourceInWords(policy.NeedsFrom)})";
    }

    private static string SourceInWords(RetentionSource source) => source switch
    {
        RetentionSource.Event => "set for this event",
        RetentionSource.Series => "set for this series",
        _ => "the site default",
    };

    /// <summary>"1 month", "12 months".</summary>
    internal static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    private static DateTime OnWallClock(DateTime utc, string? zoneId, Func<DateTime, DateTime> add)
    {
        var zone = EventTime.Zone(zoneId);
        var local = add(EventTime.ToLocal(utc, zone));
        // A wall-clock time skipped when the clocks go forward does not exist: the period ends when the clock reaches it.
        DateTime due;
        while (!EventTime.TryToUtc(local, zone, out due))
        {
            local = local.AddMinutes(15);
        }

        return due;
    }
}
