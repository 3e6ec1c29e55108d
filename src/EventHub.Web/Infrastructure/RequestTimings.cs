using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace EventHub.Web.Infrastructure;

/// <summary>
/// For benchmarks (off by default; <c>EventHub:Diagnostics:RequestTimings=true</c>): times each request on the server,
/// from the first middleware to the end of the response, grouped by method and path, and logs p50/p95/p99 per group
/// when the app stops. The rush benchmark compares these with what its visitors saw: the difference is time spent
/// waiting for a connection, a thread or the CPU rather than in EventHub's code.
/// </summary>
public static class RequestTimings
{
    public const string Switch = "EventHub:Diagnostics:RequestTimings";

    public static IApplicationBuilder UseRequestTimings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(Switch))
        {
            return app;
        }

        var timings = new ConcurrentDictionary<string, ConcurrentQueue<double>>(StringComparer.Ordinal);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestTimings).FullName!);
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            foreach (var (key, queue) in timings.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var sorted = queue.Order().ToList();
                double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
                logger.LogInformation("{Timing}", string.Create(CultureInfo.InvariantCulture,
                    $"server time {key}: {sorted.Count} requests, p50/p95/p99 {P(0.50):F1} / {P(0.95):F1} / {P(0.99):F1} ms"));
            }
        });
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            // A form the page already read says which step it was (the booking form's "Action": check or confirm).
            var step = context.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form?["Action"].FirstOrDefault();
            var key = $"{context.Request.Method} {context.Request.Path}{(step is null ? null : " (" + step + ")")}";
            timings.GetOrAdd(key, _ => new ConcurrentQueue<double>()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
    }
}
