using EventHub.Core.Common;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Privacy;

/// <summary>Runs <see cref="Anonymiser.SweepAsync"/> at start-up (catching up on downtime) and every hour.</summary>
public sealed class RetentionSweepWorker(Anonymiser anonymiser, IJobLeases leases, TimeProvider clock, ILogger<RetentionSweepWorker> logger)
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
    }
}
