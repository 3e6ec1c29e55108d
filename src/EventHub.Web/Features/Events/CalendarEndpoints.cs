using EventHub.Core.Events;

namespace EventHub.Web.Features.Events;

public static class CalendarEndpoints
{
    /// <summary>The iCalendar feeds: every public event, and one per series.</summary>
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarFeed.AllEventsPath, async (CalendarFeed feed, CancellationToken ct) =>
            Results.Text(await feed.AllEventsAsync(ct), CalendarFeed.ContentType));

        app.MapGet("/calendar/series/{slug}.ics", async (string slug, CalendarFeed feed, CancellationToken ct) =>
            await feed.SeriesAsync(slug, ct) is { } ics ? Results.Text(ics, CalendarFeed.ContentType) : Results.NotFound());
        return app;
    }
}
