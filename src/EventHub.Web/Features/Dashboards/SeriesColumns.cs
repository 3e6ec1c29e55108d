using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using MudBlazor;

namespace EventHub.Web.Features.Dashboards;

/// <summary>
/// Every figure of a series' editions: as the dashboard's table shows them (words where there is no figure yet: door
/// figures of an edition that has not started read "Not yet"; the door figures count places in the room, confirmed
/// online places have their own column), and as the CSV carries them (the same figures as raw
/// numbers a spreadsheet can add up, an empty cell where there is none). Both lists are kept side by side here.
/// </summary>
public static class SeriesColumns
{
    public const string NoFeedback = "No answers yet";

    private const string NotYet = "Not yet";

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<string> Headers { get; } =
    [
        "Edition", "Date", "Capacity", "Places taken", "Confirmed in person", "Confirmed online", "Checked in", "No-shows", "Attendance",
        "Sold out after", "Still waiting", "Waiting-list peak", "Repeat attendees", "Feedback",
    ];

    public static IReadOnlyList<string> Cells(EditionFigures e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return
        [
            e.Title,
            EventTime.FormatDate(e.StartUtc, e.TimeZoneId),
            Count(e.Capacity),
            Count(e.PlacesTaken),
            Count(e.Confirmed),
            Count(e.OnlineConfirmed),
            e.HasStarted ? Count(e.CheckedIn) : NotYet,
            e.HasStarted ? Count(e.NoShows) : NotYet,
            e.AttendanceRate is { } rate ? rate.ToString("0%", CultureInfo.InvariantCulture) : NotYet,
            e.SoldOutAfter is { } after ? Duration(after) : "Not sold out",
            Count(e.WaitingList),
            Count(e.WaitingPeak),
            Count(e.RepeatAttendees),
            e.FeedbackScore is { } score
                ? $"{score.ToString("0.0", CultureInfo.InvariantCulture)} of 5 ({(e.FeedbackAnswers == 1 ? "1 answer" : $"{e.FeedbackAnswers} answers")})"
                : NoFeedback,
        ];
    }

    /// <summary>The CSV's columns: the table's, with rates as fractions, durations in hours and the feedback split in two.</summary>
    public static IReadOnlyList<string> CsvHeaders { get; } =
    [
        "Edition", "Date", "Capacity", "Places taken", "Confirmed in person", "Confirmed online", "Checked in", "No-shows", "Attendance rate",
        "Sold out after (hours)", "Still waiting", "Waiting-list peak", "Repeat attendees", "Feedback score", "Feedback answers",
    ];

    /// <summary>One edition's CSV row: numbers only (invariant culture), the date as yyyy-MM-dd on the event's wall clock.</summary>
    public static IReadOnlyList<string> CsvCells(EditionFigures e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return
        [
            e.Title,
            EventTime.ToLocal(e.StartUtc, e.TimeZoneId).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Count(e.Capacity),
            Count(e.PlacesTaken),
            Count(e.Confirmed),
            Count(e.OnlineConfirmed),
            e.HasStarted ? Count(e.CheckedIn) : string.Empty,
            e.HasStarted ? Count(e.NoShows) : string.Empty,
            e.AttendanceRate is { } rate ? rate.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty,
            e.SoldOutAfter is { } after ? after.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty,
            Count(e.WaitingList),
            Count(e.WaitingPeak),
            Count(e.RepeatAttendees),
            e.FeedbackScore is { } score ? score.ToString("0.0#", CultureInfo.InvariantCulture) : string.Empty,
            Count(e.FeedbackAnswers),
        ];
    }

    /// <summary>The short name of an edition under its bars: its month on the event's wall clock ("Nov 2026").</summary>
    public static string ChartLabel(EditionFigures e) =>
        EventTime.ToLocal(e.StartUtc, e.TimeZoneId).ToString("MMM yyyy", UkCulture);

    /// <summary>The editions side by side in people: places against capacity, at the door checked in against no-shows, the most who waited and who came back.</summary>
    public static List<ChartSeries<double>> ChartSeries(IReadOnlyList<EditionFigures> editions) =>
    [
        new() { Name = "Capacity", Data = editions.Select(e => (double)e.Capacity).ToArray() },
        new() { Name = "Places taken", Data = editions.Select(e => (double)e.PlacesTaken).ToArray() },
        new() { Name = "Checked in", Data = editions.Select(e => e.HasStarted ? e.CheckedIn : 0d).ToArray() },
        new() { Name = "No-shows", Data = editions.Select(e => e.HasStarted ? e.NoShows : 0d).ToArray() },
        new() { Name = "Waiting-list peak", Data = editions.Select(e => (double)e.WaitingPeak).ToArray() },
        new() { Name = "Repeat attendees", Data = editions.Select(e => (double)e.RepeatAttendees).ToArray() },
    ];

    /// <summary>
    /// The figures on other scales, one small chart each (an edition with no figure yet has no bar): attendance as a
    /// percentage, hours from booking opening to sold out, and the average feedback score out of 5.
    /// </summary>
    public static IReadOnlyList<(string Title, List<ChartSeries<double>> Series)> MeasureCharts(IReadOnlyList<EditionFigures> editions) =>
    [
        ("Attendance (%)", [new() { Name = "Attendance (%)", Data = editions.Select(e => e.AttendanceRate is { } r ? Math.Round(r * 100) : 0d).ToArray() }]),
        ("Hours to sell out", [new() { Name = "Hours to sell out", Data = editions.Select(e => e.SoldOutAfter is { } a ? Math.Round(a.TotalHours, 1) : 0d).ToArray() }]),
        ("Feedback score (out of 5)", [new() { Name = "Feedback score", Data = editions.Select(e => e.FeedbackScore ?? 0d).ToArray() }]),
    ];

    /// <summary>The sentence beside the chart: how many editions, and the best attended so far.</summary>
    public static string Summary(SeriesFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var count = figures.Editions.Count;
        var text = count == 1 ? "1 edition." : $"{count} editions.";
        var best = figures.Editions.Where(e => e.AttendanceRate is not null).OrderByDescending(e => e.CheckedIn).ThenBy(e => e.StartUtc).FirstOrDefault();
        return best is null
            ? text + " None has taken place yet."
            : text + $" The best attended so far was {best.Title} ({EventTime.FormatDate(best.StartUtc, best.TimeZoneId)}): {best.CheckedIn} checked in of {best.Confirmed} confirmed{(best.OnlineConfirmed > 0 ? $" in person ({best.OnlineConfirmed} online)" : string.Empty)}, {best.PlacesTaken} of {best.Capacity} places taken.";
    }

    /// <summary>"2 days 3 hours", "5 hours 10 minutes", "20 minutes", "under a minute".</summary>
    public static string Duration(TimeSpan span)
    {
        static string Unit(int n, string one) => n == 1 ? $"1 {one}" : $"{n} {one}s";
        if (span.TotalDays >= 1)
        {
            return span.Hours == 0 ? Unit(span.Days, "day") : Unit(span.Days, "day") + " " + Unit(span.Hours, "hour");
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes == 0 ? Unit(span.Hours, "hour") : Unit(span.Hours, "hour") + " " + Unit(span.Minutes, "minute");
        }

        return span.TotalMinutes >= 1 ? Unit(span.Minutes, "minute") : "under a minute";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
