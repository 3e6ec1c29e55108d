using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Polls;

/// <summary>
/// Deletes poll voters' personal data once it is due, keeping the counts, and sends the "date chosen" messages for
/// events made from polls that were published. Sweeps at start-up and then every interval.
/// </summary>
public sealed class PollRetentionService(
    PollFinalisingService finalising, PollPersonalDataService personalData, TimeProvider clock, IOptions<PollSettings> settings, ILogger<PollRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.RetentionSweepInterval, clock);
        do
        {
            try
            {
                await finalising.NotifyPublishedEventsAsync(stoppingToken);
                var cleared = await personalData.DeleteExpiredPersonalDataAsync(stoppingToken);
                if (cleared > 0)
                {
                    logger.LogInformation("Deleted the personal data of {Count} poll(s) past their retention period", cleared);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed sweep must not stop the next: it retries at the next tick.
                logger.LogError(ex, "Poll retention sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
