using EventHub.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Polls;

/// <summary>
/// Deletes poll voters' personal data once it is due, keeping the counts, and sends the "date chosen" messages for
/// events made from polls that were published. Sweeps at start-up and then every interval.
/// </summary>
public sealed class PollRetentionService(
    PollFinalisingService finalising,
    PollPersonalDataService personalData,
    IJobLeases leases,
    TimeProvider clock,
    IOptions<PollSettings> settings,
    ILogger<PollRetentionService> logger)
    : SweepWorker(leases, clock, logger)
{
    protected override TimeSpan Period => settings.Value.RetentionSweepInterval;

    protected override string What => "Poll retention sweep";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        await finalising.NotifyPublishedEventsAsync(ct);
        var unconfirmed = await personalData.DeleteUnconfirmedVotesAsync(ct);
        if (unconfirmed > 0)
        {
            Logger.LogInformation("Deleted {Count} poll vote(s) whose confirm link expired", unconfirmed);
        }

        var cleared = await personalData.DeleteExpiredPersonalDataAsync(ct);
        if (cleared > 0)
        {
            Logger.LogInformation("Deleted the personal data of {Count} poll(s) past their retention period", cleared);
        }
    }
}
