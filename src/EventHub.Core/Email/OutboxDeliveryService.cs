using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Email;

/// <summary>Runs <see cref="OutboxDelivery"/> in the background: batch after batch while mail is due, then a short wait.</summary>
public sealed class OutboxDeliveryService(
    OutboxDelivery delivery, TimeProvider clock, ILogger<OutboxDeliveryService> logger, DeliveryYield? yieldToBookings = null) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (delivery.Options.UsesPickupFolder)
        {
            logger.LogWarning("No SMTP host is configured (EventHub:Email:Host): outgoing mail is written as .eml files to {Folder}", delivery.PickupFolder);
        }
        else
        {
            logger.LogInformation("Outgoing mail goes to SMTP server {Host}:{Port} ({Security})", delivery.Options.Host, delivery.Options.Port, delivery.Options.Security);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, delivery.Options.Workers)).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var lastBatch = DeliveryYield.Now();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // While people are booking, the bookings have the cores (DeliveryYield says for how long at most).
                if (yieldToBookings?.HoldFor(lastBatch) is { } hold && hold > TimeSpan.Zero)
                {
                    await Task.Delay(hold, stoppingToken);
                    continue;
                }

                lastBatch = DeliveryYield.Now();
                var report = await delivery.DeliverDueAsync(stoppingToken);
                if (report.Claimed > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A broken pass (e.g. the database briefly locked) must not stop delivery for good.
                logger.LogError(ex, "Outbox delivery pass failed; trying again shortly");
            }

            try
            {
                await Task.Delay(delivery.Options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
