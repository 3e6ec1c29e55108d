namespace EventHub.Core.Common;

public static class JobLeaseExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> only if this holder gets the lease on <paramref name="job"/>, renewing the lease
    /// while the work runs and releasing it afterwards. If a renewal fails the work's token is cancelled, so a holder
    /// that was too slow stops instead of working alongside the one that took over.
    /// </summary>
    public static async Task<LeasedRun> RunAloneAsync(
        this IJobLeases leases, string job, Func<CancellationToken, Task> work, TimeProvider clock, CancellationToken ct = default)
    {
        var lease = await leases.TryAcquireAsync(job, ct);
        if (lease is null)
        {
            return LeasedRun.HeldElsewhere;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var finished = new CancellationTokenSource();
        var keeping = KeepAsync(leases, lease, clock, lost, finished.Token);
        try
        {
            await work(lost.Token);
            return LeasedRun.Finished;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return LeasedRun.LeaseLost;
        }
        finally
        {
            await finished.CancelAsync();
            await keeping;
            if (!lost.IsCancellationRequested || ct.IsCancellationRequested)
            {
                await leases.ReleaseAsync(lease, CancellationToken.None);
            }
        }
    }

    private static async Task KeepAsync(IJobLeases leases, HeldLease lease, TimeProvider clock, CancellationTokenSource lost, CancellationToken finished)
    {
        try
        {
            while (true)
            {
                await Task.Delay(leases.Duration / 3, clock, finished);
                if (!await leases.RenewAsync(lease, finished))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The work finished (or the node is stopping): nothing more to renew.
        }
    }
}
