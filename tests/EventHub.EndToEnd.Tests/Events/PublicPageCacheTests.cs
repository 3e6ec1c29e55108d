using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Events;

/// <summary>
/// Output caching of the public read pages: a second anonymous GET comes from the cache (it carries an Age header),
/// a booking, an edit or a publish forgets it, and nothing personal is ever cached.
/// </summary>
public sealed partial class PublicPageCacheTests(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [GeneratedRegex("nonce=\"([0-9a-f]+)\"")]
    private static partial Regex NonceInPage();

    private async Task<(EventSeries Series, Event Event)> EditionInSeriesAsync(int capacity = 1)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var series = (await App.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Cached forum " + unique }, Ct)).Value!;
        var ev = await EditionAsync(series, "Cached edition " + unique, capacity, daysAhead: 30);
        return (series, ev);
    }

    private async Task<Event> EditionAsync(EventSeries series, string title, int capacity, int daysAhead)
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(daysAhead);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title, Capacity = capacity, VenueName = "County Hall", SeriesId = series.Id,
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        }, Ct);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return created.Value;
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    /// <summary>Gets each page twice, so it is in the cache, and checks the second came from there.</summary>
    private static async Task CachedAsync(HttpClient client, params string[] paths)
    {
        foreach (var path in paths)
        {
            await GetAsync(client, path);
            FromCache((await GetAsync(client, path)).Response).ShouldBeTrue(path);
        }
    }

    /// <summary>Gets the page until it is a fresh render that contains <paramref name="text"/>; the eviction travels on the live signal.</summary>
    private static async Task<string> FreshPageContainingAsync(HttpClient client, string path, string text)
    {
        var (response, html) = await GetAsync(client, path);
        for (var i = 0; i < 20 && !html.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Ct);
            (response, html) = await GetAsync(client, path);
        }

        html.ShouldContain(text, customMessage: $"{path} still shows what it cached");
        return html;
    }

    [Fact]
    public async Task A_second_anonymous_get_of_the_event_page_is_served_from_the_cache_with_the_policy_its_html_was_made_for()
    {
        var (_, ev) = await EditionInSeriesAsync();
        using var client = App.CreateHttpClient();

        var (first, firstHtml) = await GetAsync(client, $"/events/{ev.Slug}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        FromCache(first).ShouldBeFalse();

        // Other journeys on the shared app (and its background sweeps) may evict cached pages between two GETs: a page
        // that is never served from the cache fails all three tries.
        var (second, secondHtml) = await GetAsync(client, $"/events/{ev.Slug}");
        for (var attempt = 1; attempt < 3 && !FromCache(second); attempt++)
        {
            (_, firstHtml) = await GetAsync(client, $"/events/{ev.Slug}");
            (second, secondHtml) = await GetAsync(client, $"/events/{ev.Slug}");
        }

        FromCache(second).ShouldBeTrue();
        secondHtml.ShouldBe(firstHtml);
        var nonce = NonceInPage().Match(secondHtml).Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        second.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("script-src", StringComparison.Ordinal)).ShouldContain($"'nonce-{nonce}'");
    }

    [Fact]
    public async Task A_booking_that_takes_the_last_place_evicts_the_cached_event_and_series_pages()
    {
        var (series, ev) = await EditionInSeriesAsync(capacity: 1);
        using var client = App.CreateHttpClient();
        await CachedAsync(client, $"/events/{ev.Slug}", $"/series/{series.Slug}");

        await PlacesStreamTests.BookAsync(App, ev.Id, "Ann Example");

        await FreshPageContainingAsync(client, $"/events/{ev.Slug}", "Fully booked");
        await FreshPageContainingAsync(client, $"/series/{series.Slug}", "Fully booked");
    }

    [Fact]
    public async Task A_booking_on_another_event_leaves_this_events_cached_page_in_the_cache()
    {
        var (_, ev) = await EditionInSeriesAsync();
        var (_, other) = await EditionInSeriesAsync(capacity: 10);
        using var client = App.CreateHttpClient();

        // Other journeys on the shared app may evict this page for reasons of their own: an unrelated booking that
        // evicted it would fail all three tries.
        var keptInCache = false;
        for (var attempt = 0; attempt < 3 && !keptInCache; attempt++)
        {
            await CachedAsync(client, $"/events/{ev.Slug}", $"/events/{other.Slug}");
            await PlacesStreamTests.BookAsync(App, other.Id, $"Booker {attempt}");
            await EvictedAsync(client, $"/events/{other.Slug}");
            keptInCache = FromCache((await GetAsync(client, $"/events/{ev.Slug}")).Response);
        }

        keptInCache.ShouldBeTrue("a booking on another event evicted this event's page");
    }

    /// <summary>Gets the page until it is a fresh render (the eviction travels on the live signal).</summary>
    private static async Task EvictedAsync(HttpClient client, string path)
    {
        var fresh = !FromCache((await GetAsync(client, path)).Response);
        for (var i = 0; i < 20 && !fresh; i++)
        {
            await Task.Delay(100, Ct);
            fresh = !FromCache((await GetAsync(client, path)).Response);
        }

        fresh.ShouldBeTrue($"{path} was not evicted by its own booking");
    }

    [Fact]
    public async Task An_edit_and_a_publish_evict_the_cached_pages_that_show_them()
    {
        var (series, ev) = await EditionInSeriesAsync(capacity: 10);
        using var client = App.CreateHttpClient();
        await CachedAsync(client, $"/events/{ev.Slug}", $"/series/{series.Slug}");

        var events = App.Service<EventService>();
        var input = EventInput.From(ev);
        input.Title = ev.Title + " (moved)";
        (await events.UpdateAsync(Actor.System, ev.Id, input, Ct)).Succeeded.ShouldBeTrue();
        await FreshPageContainingAsync(client, $"/events/{ev.Slug}", input.Title);
        await FreshPageContainingAsync(client, $"/series/{series.Slug}", input.Title);

        FromCache((await GetAsync(client, $"/series/{series.Slug}")).Response).ShouldBeTrue();
        var next = await EditionAsync(series, "Next cached edition " + Guid.NewGuid().ToString("N")[..6], 10, daysAhead: 60);
        await FreshPageContainingAsync(client, $"/series/{series.Slug}", next.Title);
    }

    [Fact]
    public async Task The_cached_pages_hold_no_form_token_and_set_no_cookie()
    {
        var (series, ev) = await EditionInSeriesAsync();
        using var client = App.CreateHttpClient();

        foreach (var path in new[] { "/", "/archive", $"/events/{ev.Slug}", $"/series/{series.Slug}", $"/series/{series.Slug}/archive" })
        {
            var (response, html) = await GetAsync(client, path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Headers.Contains("Set-Cookie").ShouldBeFalse(path);
            html.ShouldNotContain("__RequestVerificationToken", customMessage: path);
            FromCache((await GetAsync(client, path)).Response).ShouldBeTrue(path);
        }
    }

    [Fact]
    public async Task The_booking_form_is_served_from_its_shell_with_each_visitors_own_token_and_nonce_and_an_edit_shows_at_once()
    {
        var (_, ev) = await EditionInSeriesAsync();
        var path = $"/events/{ev.Slug}/book";
        using var client = App.CreateHttpClient();
        await GetAsync(client, path);

        // Two visitors with no cookie yet. Other journeys on the shared app may evict the shell between two GETs.
        var (first, firstHtml) = await GetAsync(client, path);
        var (second, secondHtml) = await GetAsync(client, path);
        for (var attempt = 1; attempt < 3 && !(FromCache(first) && FromCache(second)); attempt++)
        {
            (first, firstHtml) = await GetAsync(client, path);
            (second, secondHtml) = await GetAsync(client, path);
        }

        FromCache(first).ShouldBeTrue("the booking form was rendered again rather than served from its shell");
        FromCache(second).ShouldBeTrue();
        var (firstToken, secondToken) = (FormToken().Match(firstHtml).Groups[1].Value, FormToken().Match(secondHtml).Groups[1].Value);
        firstToken.ShouldNotBeEmpty();
        secondToken.ShouldNotBe(firstToken);
        foreach (var (response, html) in new[] { (first, firstHtml), (second, secondHtml) })
        {
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            var nonce = NonceInPage().Match(html).Groups[1].Value;
            response.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("script-src", StringComparison.Ordinal)).ShouldContain($"'nonce-{nonce}'");
        }

        NonceInPage().Match(firstHtml).Groups[1].Value.ShouldNotBe(NonceInPage().Match(secondHtml).Groups[1].Value);

        // Each token pairs with its own visitor's cookie only: the form posts with the visitor's own, never with another's.
        var secondCookie = AntiforgeryCookie(second);
        (await PostDetailsAsync(client, path, secondCookie, secondToken)).ShouldContain("Check your answers before booking");
        using (var noRedirects = App.CreateHttpClient(followRedirects: false))
        using (var stolen = await PostAsync(noRedirects, path, secondCookie, firstToken))
        {
            // Refused (a 400, which the app turns into a fresh GET of the form): never the next step.
            stolen.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.SeeOther);
            (await stolen.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Check your answers");
        }

        // A visitor who has the cookie already keeps it.
        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.Add("Cookie", secondCookie);
            using var again = await client.SendAsync(request, Ct);
            again.Headers.Contains("Set-Cookie").ShouldBeFalse();
            (await PostDetailsAsync(client, path, secondCookie, FormToken().Match(await again.Content.ReadAsStringAsync(Ct)).Groups[1].Value))
                .ShouldContain("Check your answers before booking");
        }

        var input = EventInput.From(ev);
        input.Title = ev.Title + " (renamed)";
        (await App.Service<EventService>().UpdateAsync(Actor.System, ev.Id, input, Ct)).Succeeded.ShouldBeTrue();
        await FreshPageContainingAsync(client, path, input.Title);
    }

    [Fact]
    public async Task The_booking_page_before_the_opening_is_served_from_the_cache_with_no_form_until_booking_opens()
    {
        var (_, ev) = await EditionInSeriesAsync();
        var path = $"/events/{ev.Slug}/book";
        var opens = DateTime.UtcNow.AddSeconds(8);
        var input = EventInput.From(ev);
        input.BookingOpensLocal = EventTime.ToLocal(opens, ev.TimeZoneId);
        (await App.Service<EventService>().UpdateAsync(Actor.System, ev.Id, input, Ct)).Succeeded.ShouldBeTrue();
        using var client = App.CreateHttpClient();
        (await GetAsync(client, path)).Html.ShouldContain("data-testid=\"booking-window\"");

        // Other journeys on the shared app may evict the page between two GETs.
        var (again, html) = await GetAsync(client, path);
        for (var attempt = 1; attempt < 3 && !FromCache(again); attempt++)
        {
            (again, html) = await GetAsync(client, path);
        }

        FromCache(again).ShouldBeTrue("the page before the opening was rendered again rather than served from the cache");
        html.ShouldContain("Booking opens");
        html.ShouldNotContain("__RequestVerificationToken", customMessage: "the page before the opening holds no form, so no one's token");
        again.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var nonce = NonceInPage().Match(html).Groups[1].Value;
        again.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("script-src", StringComparison.Ordinal)).ShouldContain($"'nonce-{nonce}'");

        // An edit shows at once; at the opening the form takes the page's place, though a minute has not passed.
        input.Title = ev.Title + " (renamed)";
        (await App.Service<EventService>().UpdateAsync(Actor.System, ev.Id, input, Ct)).Succeeded.ShouldBeTrue();
        await FreshPageContainingAsync(client, path, input.Title);
        while (DateTime.UtcNow < opens)
        {
            await Task.Delay(100, Ct);
        }

        var (_, opened) = await GetAsync(client, path);
        opened.ShouldContain("data-testid=\"booking-form\"", customMessage: "the page before the opening was still served after it");
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string cookie, string token)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "booking", ["__RequestVerificationToken"] = token, ["Action"] = "check", ["Name"] = "Shell Visitor",
                ["Email"] = "shell.visitor@devon.gov.uk", ["Organisation"] = "Devon County Council", ["PrivacyConsent"] = "true",
            }),
        };
        post.Headers.Add("Cookie", cookie);
        return await client.SendAsync(post, Ct);
    }

    private static async Task<string> PostDetailsAsync(HttpClient client, string path, string cookie, string token)
    {
        using var response = await PostAsync(client, path, cookie, token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [Fact]
    public async Task A_signed_in_organiser_is_neither_served_from_nor_stored_in_the_cache()
    {
        var (_, ev) = await EditionInSeriesAsync();
        var (page, _) = await SignedInPageAsync();
        var path = App.Url($"/events/{ev.Slug}");

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var signedIn = await page.Context.APIRequest.GetAsync(path);
            signedIn.Status.ShouldBe(200);
            signedIn.Headers.ShouldNotContainKey("age");
        }

        using var client = App.CreateHttpClient();
        FromCache((await GetAsync(client, $"/events/{ev.Slug}")).Response).ShouldBeFalse();
        FromCache((await GetAsync(client, $"/events/{ev.Slug}")).Response).ShouldBeTrue();
    }
}
