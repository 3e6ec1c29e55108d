using EventHub.Core.Common;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.FollowUps;

/// <summary>
/// Finishes bulk emails a stopped or dead node left part-queued (<see cref="BulkEmailService.ResumeUnfinishedAsync"/>)
/// and runs <see cref="ReminderService.SendDueAsync"/>, at start-up and then every few minutes.
/// </summary>
public sealed class ReminderWorker(ReminderService reminders, BulkEmailService bulk, IJobLeases leases, TimeProvider clock, ILogger<ReminderWorker> logger)
    : SweepWorker(leases, clock, logger)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    protected override TimeSpan Period => Interval;

    protected override string What => "Queuing reminders";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var resumed = await bulk.ResumeUnfinishedAsync(ct);
        if (resumed > 0)
        {
            Logger.LogInformation("Finished queuing {Count} bulk email(s) left part-queued by a node that stopped", resumed);
        }

        var n = await reminders.SendDueAsync(ct);
        if (n > 0)
        {
            Logger.LogInformation("Queued {Count} reminder(s)", n);
        }
    }
}
