using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(EventHub.EndToEnd.Tests.Support.BrowserFixture))]

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>One headless Debian Chromium for the whole test run; each test opens its own contexts.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    /// <summary>The run's browser, so an <see cref="AppHost"/> can close the pages left on it when it stops.</summary>
    public static BrowserFixture? Current { get; private set; }

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(10_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        Current = this;
    }

    /// <summary>
    /// A fresh browser context (its own cookies) and page. Phone-sized when <paramref name="phone"/>; with scripts
    /// turned off when <paramref name="javaScript"/> is false (the plain-HTML journeys).
    /// </summary>
    public async Task<IPage> NewPageAsync(bool phone = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        // A wait that passes returns at once; these limits only decide how long a busy run (the Core passes share the
        // two cores) may take before a step counts as failed. A sign-in's redirect chain once took over 15 s.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every context with a page on <paramref name="baseUrl"/>: once its server stops, a page left open keeps
    /// Chromium busy with reconnect attempts and slows every later test.
    /// </summary>
    public async Task CloseContextsOnAsync(string baseUrl)
    {
        foreach (var context in _contexts)
        {
            try
            {
                if (context.Pages.Any(p => p.Url.StartsWith(baseUrl.TrimEnd('/') + "/", StringComparison.Ordinal)))
                {
                    await context.CloseAsync();
                }
            }
            catch (PlaywrightException)
            {
                // Already closed.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

public static class PageExtensions
{
    /// <summary>
    /// Opens a page and waits until it is ready: its Blazor circuit is live (clicks before that are lost), or it is a
    /// static page (no circuit to wait for).
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForReadyAsync();
    }

    /// <summary>
    /// Waits for the marker of an interactive page with a live circuit or of a static page. Only after a full load:
    /// after a click, the page being left may still show its own marker.
    /// </summary>
    public static Task WaitForReadyAsync(this IPage page) =>
        page.Locator("[data-testid=interactive], [data-testid=static-page]").First
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    // True on a static page, on an interactive page whose circuit is live, and on a page with no Blazor component at
    // all; false on a page prerendered for a circuit that has not started yet.
    private const string SettledScript = """
        () => {
            if (document.querySelector('[data-testid=interactive], [data-testid=static-page]')) return true;
            const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
            while (comments.nextNode()) {
                if (comments.currentNode.data.includes('"type":"server"')) return false;
            }
            return true;
        }
        """;

    /// <summary>Runs axe (WCAG 2.x A/AA rules) and fails with each violation listed.</summary>
    public static async Task ShouldHaveNoAxeViolationsAsync(this IPage page)
    {
        // An interactive page's head outlet writes the <title> again when its circuit starts, leaving it empty for a
        // moment. A page prerendered for a circuit is scanned only once the circuit is live (its marker is there), then
        // once it has a title again (up to 5 s), so axe reads the settled page. A page that never gets one still fails.
        await page.WaitForFunctionAsync(SettledScript, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        for (var waited = 0; waited < 5_000 && string.IsNullOrWhiteSpace(await page.TitleAsync()); waited += 100)
        {
            await Task.Delay(100);
        }

        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var problems = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html + " => " + string.Join("; ", n.Any.Concat(n.All).Select(c => c.Message))))}")
            .ToList();
        problems.ShouldBeEmpty($"axe found problems on {page.Url}:\n" + string.Join("\n", problems));
    }

    /// <summary>Every WebSocket and every request to Blazor's hub the page opens from now on: a static page opens none.</summary>
    public static List<string> RecordBlazorTraffic(this IPage page)
    {
        var traffic = new List<string>();
        page.WebSocket += (_, socket) => traffic.Add("websocket " + socket.Url);
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                traffic.Add("request " + request.Url);
            }
        };
        return traffic;
    }

    /// <summary>
    /// Axe for a page in a context with JavaScript off, where axe itself cannot run (it needs timers): the page's HTML
    /// as the browser holds it is served again, at the same address, to a fresh page whose own scripts are blocked, with
    /// the site's styles, and scanned there.
    /// </summary>
    public static async Task ShouldHaveNoAxeViolationsWithoutScriptAsync(this IPage page)
    {
        var html = await page.ContentAsync();
        var url = page.Url;
        var context = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
            Locale = "en-GB",
        });
        try
        {
            var copy = await context.NewPageAsync();
            await copy.RouteAsync(address => address == url, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
            await copy.RouteAsync("**/*.js", route => route.AbortAsync());
            await copy.GotoAsync(url);
            await copy.ShouldHaveNoAxeViolationsAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Signs in on the real sign-in page and waits for the page it lands on (the events list by default).</summary>
    public static async Task SignInAsync(this IPage page, AppHost app, OrganiserLogin organiser, string landsOn = "/organiser/events")
    {
        await page.GotoAsync(app.Url("/account/login"));
        await page.GetByTestId("Email").FillAsync(organiser.Email);
        await page.GetByTestId("Password").FillAsync(organiser.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        // 30 s, not the default 15: the first sign-in of a run also compiles the organiser pages of a cold app, and the
        // browser tests run beside the other test projects. Only until the document is parsed: waiting for the browser's
        // "load" event (every resource) once timed out on a busy run although the page had arrived.
        await page.WaitForURLAsync("**" + landsOn, new PageWaitForURLOptions { Timeout = 30_000, WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public static async Task FillFieldAsync(this IPage page, string testId, string value)
    {
        var field = page.GetByTestId(testId);
        await field.FillAsync(value);
        await field.DispatchEventAsync("change");
    }
}
