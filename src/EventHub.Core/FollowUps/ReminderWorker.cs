using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.FollowUps;

/// <summary>Runs <see cref="ReminderService.SendDueAsync"/> at start-up and then every few minutes.</summary>
public sealed class ReminderWorker(ReminderService reminders, BulkEmailService bulk, TimeProvider clock, ILogger<ReminderWorker> logger) : BackgroundService
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        try
        {
            var resumed = await bulk.ResumeUnfinishedAsync(started, stoppingToken);
            if (resumed > 0)
            {
                logger.LogInformation("Finished queuing {Count} bulk email(s) interrupted when the app last stopped", resumed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Finishing interrupted bulk emails failed; they will be tried at the next start");
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var n = await reminders.SendDueAsync(stoppingToken);
                if (n > 0)
                {
                    logger.LogInformation("Queued {Count} reminder(s)", n);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Queuing reminders failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
