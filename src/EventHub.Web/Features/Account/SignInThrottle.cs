using System.Threading.RateLimiting;
using EventHub.Web.Features.Site;

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
            limiter.OnRejected = async (rejected, ct) => await TooManyRequests.WritePageAsync(rejected.HttpContext, "sign-in attempts", rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window, ct);
        });
        return services;
    }

    private static bool IsAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/account/login/code", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/setup", StringComparison.OrdinalIgnoreCase));
}

/// <summary>How many sign-in (and setup) posts one client address may make per window.</summary>
public sealed class SignInThrottleOptions
{
    public int AttemptsPerWindow { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
