using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Common;

/// <summary>
/// A background service that sweeps at start-up (catching up on downtime) and then every <see cref="Period"/>.
/// One failed sweep must not stop the next: it is logged and the sweep runs again at the next tick.
/// </summary>
public abstract class SweepWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Period { get; }

    /// <summary>What the log says failed, e.g. "Queuing reminders".</summary>
    protected abstract string What { get; }

    protected abstract Task SweepAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, Clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "{What} failed; will try again", What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
