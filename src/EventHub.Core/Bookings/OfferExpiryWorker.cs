using EventHub.Core.Common;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Bookings;

/// <summary>Runs <see cref="WaitlistService.ExpireOffersAsync"/> (offers and unconfirmed holds) at start-up (catching up on downtime) and every minute.</summary>
public sealed class OfferExpiryWorker(WaitlistService waitlist, IJobLeases leases, TimeProvider clock, ILogger<OfferExpiryWorker> logger)
    : SweepWorker(leases, clock, logger)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    protected override TimeSpan Period => Interval;

    protected override string What => "Expiring waiting-list offers and unconfirmed holds";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var n = await waitlist.ExpireOffersAsync(ct);
        if (n > 0)
        {
            Logger.LogInformation("Expired {Count} waiting-list offer(s) and passed the places on", n);
        }
    }
}
