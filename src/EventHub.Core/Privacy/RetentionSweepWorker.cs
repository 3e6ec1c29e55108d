using EventHub.Core.Common;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Privacy;

/// <summary>Runs <see cref="Anonymiser.SweepAsync"/> at start-up (catching up on downtime) and every hour.</summary>
public sealed class RetentionSweepWorker(
    Anonymiser anonymiser, IJobLeases leases, TimeProvider clock, ILogger<RetentionSweepWorker> logger, Organisers.Security.SecurityLog? securityLog = null,
    Invitations.InvitationService? invitations = null)
    : SweepWorker(leases, clock, logger)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    protected override TimeSpan Period => Interval;

    protected override string What => "Retention sweep";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var result = await anonymiser.SweepAsync(ct);
        if (result.Anonymised + result.NeedsCleared > 0)
        {
            Logger.LogInformation("Anonymised {Anonymised} event(s) and cleared the needs of {NeedsCleared} more past their retention dates",
                result.Anonymised, result.NeedsCleared);
        }

        // The security log is kept for its own period (EventHub:SecurityLog:KeepDays), pruned by the same sweep.
        if (securityLog is not null && await securityLog.PruneAsync(ct) is > 0 and var pruned)
        {
            Logger.LogInformation("Deleted {Count} security log entries past their keeping period", pruned);
        }

        // An invitation nobody accepted holds a name and an address: it goes a while after it expired.
        if (invitations is not null && await invitations.PruneExpiredAsync(ct) is > 0 and var expired)
        {
            Logger.LogInformation("Deleted {Count} organiser invitations that expired over {Days} days ago", expired, Invitations.InvitationService.KeptExpiredDays);
        }
    }
}
