using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace EventHub.Web.Features.Account;

/// <summary>
/// Limits sign-in and first-run setup attempts (form posts) per client address with ASP.NET Core's rate limiter,
/// on top of Identity's per-account lockout: one address trying many accounts is slowed down too. Behind a reverse
/// proxy turn on EventHub:ForwardedHeaders, or every visitor shares the proxy's address.
/// </summary>
public static class SignInThrottle
{
    public const string Section = "EventHub:SignIn";

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<SignInThrottleOptions>() ?? new SignInThrottleOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AttemptsPerWindow, Window = options.Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = (rejected, ct) => WriteTooManyAsync(rejected.HttpContext, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window, ct);
        });
        return services;
    }

    private static bool IsAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/setup", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteTooManyAsync(HttpContext context, TimeSpan wait, CancellationToken ct)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var when = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Too many attempts – EventHub</title><link rel="stylesheet" href="/css/app.css" /></head>
            <body><main id="main-content" class="page-width page-width--narrow">
            <h1>Too many attempts</h1>
            <p data-testid="try-again">There have been too many sign-in attempts from your network. Try again in {WebUtility.HtmlEncode(when)}.</p>
            <p><a href="/">Go to the EventHub home page</a></p>
            </main></body></html>
            """, ct);
    }
}

/// <summary>How many sign-in (and setup) posts one client address may make per window.</summary>
public sealed class SignInThrottleOptions
{
    public int AttemptsPerWindow { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
