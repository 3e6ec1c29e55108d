using System.Security.Cryptography;
using System.Text;
using EventHub.Core.Events;
using Microsoft.Net.Http.Headers;

namespace EventHub.Web.Features.Events;

public static class CalendarEndpoints
{
    /// <summary>
    /// Calendar apps poll a feed every few minutes to hours; most polls find nothing new. A short public cache and
    /// validators (an ETag of the feed's bytes, and when an event in it last changed) let them ask "anything new?" and
    /// be answered 304 with no body.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The iCalendar feeds: every public event, and one per series.</summary>
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarFeed.AllEventsPath, async (HttpContext http, CalendarFeed feed, CancellationToken ct) =>
            Answer(http, await feed.AllEventsAsync(ct)));

        app.MapGet("/calendar/series/{slug}.ics", async (string slug, HttpContext http, CalendarFeed feed, CancellationToken ct) =>
            await feed.SeriesAsync(slug, ct) is { } document ? Answer(http, document) : Results.NotFound());
        return app;
    }

    private static IResult Answer(HttpContext http, CalendarDocument document)
    {
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)))[..32].ToLowerInvariant() + "\"");
        DateTimeOffset? lastModified = document.ChangedUtc is { } changed
            ? new DateTimeOffset(changed.Ticks - (changed.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            : null;
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = lastModified;
        response.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };

        // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2).
        var request = http.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Text(document.Text, CalendarFeed.ContentType);
    }
}
