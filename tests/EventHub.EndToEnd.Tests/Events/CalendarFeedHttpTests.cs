using System.Net;
using System.Net.Http.Headers;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Events;

public sealed class CalendarFeedHttpTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_subscribe_links_on_the_series_page_return_a_calendar_with_the_published_edition()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var series = (await _app.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Feed forum " + unique })).Value!;
        var events = _app.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(9);
        var ev = (await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Feed edition " + unique, VenueName = "County Hall", Capacity = 40, SeriesId = series.Id,
            StartLocal = start, EndLocal = start.AddHours(7),
        })).Value!;
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient();

        var page = await client.GetStringAsync("/series/" + series.Slug, Ct);
        var home = await client.GetStringAsync("/", Ct);
        var feed = await client.GetAsync(CalendarFeed.SeriesPath(series.Slug), Ct);
        var all = await client.GetAsync(CalendarFeed.AllEventsPath, Ct);
        var missing = await client.GetAsync("/calendar/series/no-such-series-" + unique + ".ics", Ct);

        page.ShouldContain($"href=\"webcal://{new Uri(_app.BaseUrl).Authority}/calendar/series/{series.Slug}.ics\"");
        page.ShouldContain($"href=\"{_app.BaseUrl}/calendar/series/{series.Slug}.ics\"");
        home.ShouldContain("/calendar/events.ics\"");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        (await feed.Content.ReadAsStringAsync(Ct)).ShouldContain("SUMMARY:Feed edition " + unique);
        all.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await all.Content.ReadAsStringAsync(Ct)).ShouldContain("SUMMARY:Feed edition " + unique);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_feed_carries_validators_and_answers_304_until_an_event_in_it_changes()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var series = (await _app.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Cached feed " + unique })).Value!;
        var events = _app.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(40).AddHours(9);
        var input = new EventInput
        {
            Title = "Cached edition " + unique, VenueName = "County Hall", Capacity = 40, SeriesId = series.Id,
            StartLocal = start, EndLocal = start.AddHours(7),
        };
        var ev = (await events.CreateAsync(Actor.System, input)).Value!;
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient();
        var path = CalendarFeed.SeriesPath(series.Slug);

        using var first = await client.GetAsync(path, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag.ShouldNotBeNull();
        var lastModified = first.Content.Headers.LastModified.ShouldNotBeNull();
        first.Headers.CacheControl!.Public.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));

        using var again = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(etag));
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBeEmpty();
        again.Headers.ETag.ShouldBe(etag);
        using var since = await SendAsync(client, path, r => r.Headers.IfModifiedSince = lastModified);
        since.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        using var stale = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\"")));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);

        input.Title = "Cached edition renamed " + unique;
        (await events.UpdateAsync(Actor.System, ev.Id, input)).Succeeded.ShouldBeTrue();
        using var changed = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(etag));

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBe(etag);
        (await changed.Content.ReadAsStringAsync(Ct)).ShouldContain("SUMMARY:Cached edition renamed " + unique);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, Action<HttpRequestMessage> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers(request);
        return await client.SendAsync(request, Ct);
    }
}
