using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Features.Site;

/// <summary>
/// Counts public actions per client address and per target with ASP.NET Core's rate-limiting primitives (a fixed
/// window per partition; idle partitions are dropped by the limiter). Plain form posts are checked by
/// <see cref="PublicActionLimits"/> before the page runs; interactive pages (interest on the board, proposals,
/// uploads) ask here before they call Core.
/// </summary>
public sealed class PublicActionLimiter : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<Partition> _limiter;

    public PublicActionLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<Partition, Partition>(partition => _options.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(partition, p =>
            {
                var rule = _options.For(p.Action);
                return new FixedWindowRateLimiterOptions { PermitLimit = rule.PermitLimit, Window = rule.Window, QueueLimit = 0 };
            })
            : RateLimitPartition.GetNoLimiter(partition));
    }

    /// <summary>Takes one permit; false (with how long to wait) when this address used them all on this target.</summary>
    public bool TryAcquire(PublicAction action, string? clientAddress, string target, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(new Partition(action, clientAddress ?? "unknown", target));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : _options.For(action).Window;
        return lease.IsAcquired;
    }

    /// <summary>For interactive forms: null when allowed, otherwise the words to show ("… Try again in 5 minutes.").</summary>
    public string? Refuse(PublicAction action, ClientAddress? client, string target) =>
        TryAcquire(action, client?.Value, target, out var wait) ? null : TooManyRequests.Message(PublicActionLimits.Describe(action), wait);

    public void Dispose() => _limiter.Dispose();

    private readonly record struct Partition(PublicAction Action, string ClientAddress, string Target);
}
