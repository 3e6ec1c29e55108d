using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Events;

/// <summary>
/// A council's intranet frames the embeddable list of a tag's upcoming events: the list shows inside the frame (any
/// site may frame it by default) while the site's other pages refuse to be framed; a link leaves the frame for the
/// event page, whose tag leads to the tag page. The list is output-cached and forgets the event when its tag goes.
/// </summary>
public sealed class EmbedJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_intranet_frames_a_tags_upcoming_events_and_a_link_opens_the_event_page_outside_the_frame()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tag = $"embed-{suffix}";
        var eventId = await App.PublishedEventAsync($"Embedded forum {suffix}", capacity: 30);
        var events = App.Service<EventService>();
        var input = EventInput.From((await events.GetAsync(Actor.System, eventId, Ct))!.Event);
        input.Tags = $"{tag}, digital";
        (await events.UpdateAsync(Actor.System, eventId, input, Ct)).Succeeded.ShouldBeTrue();
        var embedPath = $"/embed/events?tag={tag}&limit=3";

        // Over HTTP: only the embed may be framed by other sites.
        using (var client = App.CreateHttpClient())
        {
            var embed = await client.GetAsync(embedPath, Ct);
            embed.Headers.GetValues("Content-Security-Policy").Single().ShouldEndWith("frame-ancestors *");
            (await embed.Content.ReadAsStringAsync(Ct)).ShouldContain($"Embedded forum {suffix}");
            // An unknown series answers a small message in the frame's own style, not the site's "Page not found".
            var unknown = await client.GetAsync($"/embed/events?series=no-such-{suffix}", Ct);
            unknown.Headers.GetValues("Content-Security-Policy").Single().ShouldEndWith("frame-ancestors *");
            var unknownHtml = await unknown.Content.ReadAsStringAsync(Ct);
            unknownHtml.ShouldContain("data-testid=\"embed-series-not-found\"");
            unknownHtml.ShouldContain($"no-such-{suffix}");
            unknownHtml.ShouldNotContain("<header");
            foreach (var path in new[] { "/", $"/tags/{tag}", "/account/login" })
            {
                (await client.GetAsync(path, Ct)).Headers.GetValues("Content-Security-Policy").Single().ShouldEndWith("frame-ancestors 'self'", Case.Sensitive, path);
            }
        }

        // The intranet page, served from another origin (localhost is not 127.0.0.1), frames the list and (wrongly) the home page.
        var body = "<!DOCTYPE html><html lang=\"en\"><head><title>Intranet</title></head><body><main><h1>Council intranet</h1>"
            + $"<iframe id=\"events\" title=\"Upcoming events\" src=\"{App.Url(embedPath)}\" width=\"400\" height=\"500\"></iframe>"
            + $"<iframe id=\"home\" title=\"Home\" src=\"{App.Url("/")}\" width=\"400\" height=\"300\"></iframe></main></body></html>";
        await using var intranet = IntranetPage.Start(body);
        var page = await NewPageAsync();
        await page.GotoAsync(intranet.Url);
        var frame = page.FrameLocator("#events");
        await page.WaitForLoadStateAsync(LoadState.Load);
        (await frame.GetByTestId("event-card").CountAsync()).ShouldBe(1, string.Join(" | ", page.Frames.Select(f => f.Url)));
        await Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync($"Upcoming events tagged “{tag}”");
        (await frame.Locator("header, footer").CountAsync()).ShouldBe(0);
        // The home page lists at least this test's event; framed by another origin, it shows nothing.
        (await page.FrameLocator("#home").GetByTestId("event-list").CountAsync()).ShouldBe(0);

        // A link in the frame opens the event page in the whole window; its tag leads to the tag page.
        await frame.GetByRole(AriaRole.Link, new() { Name = $"Embedded forum {suffix}" }).ClickAsync();
        await page.WaitForURLAsync(App.Url("/events/**"));
        await page.WaitForReadyAsync();
        await page.GetByTestId("event-tags").GetByRole(AriaRole.Link, new() { Name = tag }).ClickAsync();
        await page.WaitForURLAsync(App.Url($"/tags/{tag}"));
        await page.WaitForReadyAsync();
        await Assertions.Expect(page.GetByTestId("event-card")).ToHaveCountAsync(1);
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GotoInteractiveAsync(App.Url(embedPath));
        await Assertions.Expect(page.GetByTestId("event-card")).ToHaveCountAsync(1);
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GotoInteractiveAsync(App.Url($"/embed/events?series=no-such-{suffix}"));
        await Assertions.Expect(page.GetByTestId("embed-series-not-found")).ToContainTextAsync($"There is no series “no-such-{suffix}” here.");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The cached list forgets the event once its tag is taken off.
        input.Tags = "digital";
        (await events.UpdateAsync(Actor.System, eventId, input, Ct)).Succeeded.ShouldBeTrue();
        using var after = App.CreateHttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string html;
        do
        {
            html = await after.GetStringAsync(embedPath, Ct);
        }
        while (html.Contains($"Embedded forum {suffix}", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());
        html.ShouldNotContain($"Embedded forum {suffix}");
    }

    /// <summary>A one-page web server on localhost: the council's intranet, on an origin other than the app's.</summary>
    private sealed class IntranetPage : IAsyncDisposable
    {
        private readonly System.Net.HttpListener _listener = new();
        private readonly Task _serving;

        private IntranetPage(string body)
        {
            using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://localhost:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/";
                probe.Stop();
            }

            _listener.Prefixes.Add(Url);
            _listener.Start();
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    System.Net.HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is System.Net.HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public static IntranetPage Start(string body) => new(body);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
            _listener.Close();
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200, Ct);
        return true;
    }
}
