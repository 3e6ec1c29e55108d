using System.Globalization;
using System.Net;

namespace EventHub.Web.Features.Site;

/// <summary>The one "too many attempts" answer: HTTP 429, Retry-After, and a page (or a form error) saying when to try again.</summary>
public static class TooManyRequests
{
    /// <summary>"Try again in 10 minutes."</summary>
    public static string TryAgainIn(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "Try again in 1 minute." : $"Try again in {minutes} minutes.";
    }

    /// <summary>The message an interactive form shows instead of the page.</summary>
    public static string Message(string what, TimeSpan wait) => $"There have been too many {what} from your network. {TryAgainIn(wait)}";

    public static async Task WritePageAsync(HttpContext context, string what, TimeSpan wait, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Too many attempts – EventHub</title><link rel="stylesheet" href="/css/app.css" /></head>
            <body><main id="main-content" class="page-width page-width--narrow">
            <h1>Too many attempts</h1>
            <p data-testid="try-again">{WebUtility.HtmlEncode(Message(what, wait))}</p>
            <p><a href="/">Go to the EventHub home page</a></p>
            </main></body></html>
            """, ct);
    }
}
