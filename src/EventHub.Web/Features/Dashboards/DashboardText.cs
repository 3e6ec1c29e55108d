using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using MudBlazor;

namespace EventHub.Web.Features.Dashboards;

/// <summary>The words and chart series of the dashboards: the summary sentences are the charts' text alternative.</summary>
public static class DashboardText
{
    public const int TopDomains = 5;

    private const int AxisLabels = 6;

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A step of the sell-out curve on the event's wall clock: "Mon 2 Nov, 2pm" by the hour, "Mon 2 Nov" by the day.</summary>
    public static string Step(DateTime local, CurveStep step) =>
        step == CurveStep.Hour
            ? local.ToString("ddd d MMM", UkCulture) + ", " + EventTime.FormatClock(local)
            : local.ToString("ddd d MMM", UkCulture);

    /// <summary>
    /// After "3 of 3 places taken": "; 2 on the waiting list", with the most who ever waited at once when the list was
    /// longer ("; 2 on the waiting list (at most 7 at once)", "; nobody waiting now (at most 7 at once)").
    /// </summary>
    public static string WaitingList(EventFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var now = f.Waiting > 0 ? $"; {f.Waiting} on the waiting list" : f.WaitingPeak > 0 ? "; nobody waiting now" : string.Empty;
        return f.WaitingPeak > f.Waiting ? now + $" (at most {f.WaitingPeak} at once)" : now;
    }

    /// <summary>
    /// After "1 checked in of 3 confirmed" on a hybrid event: " in person; 5 confirmed online (they join by link, so
    /// the door does not count them)". Nothing when nobody has an online place.
    /// </summary>
    public static string Online(EventFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.OnlineConfirmed == 0 ? string.Empty
            : $" in person; {f.OnlineConfirmed} confirmed online (they join by link, so the door does not count them)";
    }

    /// <summary>Beside the room's bar on a hybrid event: "2 of 50 online places taken".</summary>
    public static string OnlinePlaces(OnlinePlacesTaken online)
    {
        ArgumentNullException.ThrowIfNull(online);
        return $"{online.Taken} of {online.Capacity} online places taken";
    }

    public static string CurveSummary(EventFigures f)
    {
        if (f.Curve.Count == 0)
        {
            return "Booking has not opened yet.";
        }

        // The curve counts the room only; on a hybrid event the words say so.
        var room = f.OnlineConfirmed > 0 ? " in the room" : string.Empty;
        var last = f.Curve[^1];
        var text = $"From {Step(f.Curve[0].LocalStart, f.Step)} to {Step(last.LocalStart, f.Step)} (event time), "
            + $"{Places(last.Booked)}{room} booked and {People(last.Waiting)} joined the waiting list.";
        var full = f.Capacity > 0 ? f.Curve.FirstOrDefault(p => p.Booked >= f.Capacity) : null;
        return full is null ? text : text + $" All {f.Capacity} places{room} were taken by {Step(full.LocalStart, f.Step)}.";
    }

    public static List<ChartSeries<double>> CurveSeries(EventFigures f) =>
    [
        new() { Name = "Places booked", Data = f.Curve.Select(p => (double)p.Booked).ToArray() },
        new() { Name = "Waiting list", Data = f.Curve.Select(p => (double)p.Waiting).ToArray() },
    ];

    /// <summary>A few labels along the axis, so they stay readable on a phone; the table has every step.</summary>
    public static string[] CurveLabels(EventFigures f)
    {
        var every = Math.Max(1, (int)Math.Ceiling(f.Curve.Count / (double)AxisLabels));
        return f.Curve.Select((p, i) => i % every == 0 ? ShortStep(p.LocalStart, f.Step) : string.Empty).ToArray();
    }

    public static IReadOnlyList<DomainCount> TopOrganisations(EventFigures f) => f.Organisations.Take(TopDomains).ToList();

    public static string OrganisationsSummary(EventFigures f)
    {
        var first = f.Organisations[0];
        var text = f.Organisations.Count == 1
            ? $"All {Places(first.Confirmed)} confirmed are held by {first.Domain}."
            : $"{f.Organisations.Count} organisations hold confirmed places; {first.Domain} holds the most ({first.Confirmed}).";
        return f.Organisations.Count > TopDomains ? text + $" The {TopDomains} largest are shown." : text;
    }

    public static List<ChartSeries<double>> OrganisationSeries(IReadOnlyList<DomainCount> top) =>
        [new() { Name = "Confirmed places", Data = top.Select(d => (double)d.Confirmed).ToArray() }];

    private static string ShortStep(DateTime local, CurveStep step) =>
        step == CurveStep.Hour ? local.ToString("ddd ", UkCulture) + EventTime.FormatClock(local) : local.ToString("d MMM", UkCulture);

    private static string Places(int n) => n == 1 ? "1 place" : $"{n} places";

    private static string People(int n) => n == 1 ? "1 person" : $"{n} people";
}
