using EventHub.Core.Common;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.FollowUps;

/// <summary>
/// Runs <see cref="ReminderService.SendStartingAsync"/> every minute under its own lease, so the "event starting" mail
/// leaves close to an hour before the start, from one node at a time.
/// </summary>
public sealed class EventStartingWorker(ReminderService reminders, IJobLeases leases, TimeProvider clock, ILogger<EventStartingWorker> logger)
    : SweepWorker(leases, clock, logger)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    protected override TimeSpan Period => Interval;

    protected override string What => "Queuing event-starting mail";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var n = await reminders.SendStartingAsync(ct);
        if (n > 0)
        {
            Logger.LogInformation("Queued {Count} event-starting mail(s) to online places", n);
        }
    }
}
