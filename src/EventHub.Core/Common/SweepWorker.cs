using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Common;

/// <summary>
/// A background service that sweeps at start-up (catching up on downtime) and then every <see cref="Period"/>.
/// Each sweep runs under a lease in the database named after the job, so with several nodes only one sweeps at a
/// time, and a node that died mid-sweep is replaced when its lease runs out. One failed sweep must not stop the next:
/// it is logged and the sweep runs again at the next tick.
/// </summary>
public abstract class SweepWorker(IJobLeases leases, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Period { get; }

    /// <summary>What the log says failed, e.g. "Queuing reminders".</summary>
    protected abstract string What { get; }

    /// <summary>The lease every node's copy of this job shares.</summary>
    public virtual string Job => GetType().Name;

    protected abstract Task SweepAsync(CancellationToken ct);

    /// <summary>One sweep, if no other node is sweeping: answers whether it ran here.</summary>
    public async Task<LeasedRun> SweepOnceAsync(CancellationToken ct = default)
    {
        var run = await leases.RunAloneAsync(Job, SweepAsync, Clock, ct);
        if (run == LeasedRun.LeaseLost)
        {
            Logger.LogWarning("{What} stopped: its lease ran out and another node took it over", What);
        }

        return run;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, Clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "{What} failed; will try again", What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
