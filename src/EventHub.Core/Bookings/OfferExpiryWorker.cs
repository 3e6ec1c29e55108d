using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Bookings;

/// <summary>Runs <see cref="WaitlistService.ExpireOffersAsync"/> at start-up (catching up on downtime) and every minute.</summary>
public sealed class OfferExpiryWorker(WaitlistService waitlist, TimeProvider clock, ILogger<OfferExpiryWorker> logger) : BackgroundService
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var n = await waitlist.ExpireOffersAsync(stoppingToken);
                if (n > 0)
                {
                    logger.LogInformation("Expired {Count} waiting-list offer(s) and passed the places on", n);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring waiting-list offers failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
