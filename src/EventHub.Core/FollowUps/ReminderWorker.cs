using EventHub.Core.Common;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.FollowUps;

/// <summary>Runs <see cref="ReminderService.SendDueAsync"/> at start-up and then every few minutes.</summary>
public sealed class ReminderWorker(ReminderService reminders, BulkEmailService bulk, TimeProvider clock, ILogger<ReminderWorker> logger)
    : SweepWorker(clock, logger)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    protected override TimeSpan Period => Interval;

    protected override string What => "Queuing reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Clock.GetUtcNow().UtcDateTime;
        try
        {
            var resumed = await bulk.ResumeUnfinishedAsync(started, stoppingToken);
            if (resumed > 0)
            {
                Logger.LogInformation("Finished queuing {Count} bulk email(s) interrupted when the app last stopped", resumed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Finishing interrupted bulk emails failed; they will be tried at the next start");
        }

        await base.ExecuteAsync(stoppingToken);
    }

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var n = await reminders.SendDueAsync(ct);
        if (n > 0)
        {
            Logger.LogInformation("Queued {Count} reminder(s)", n);
        }
    }
}
