using EventHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Data;

/// <summary>
/// <see cref="IJobLeases"/> in the <c>JobLeases</c> table. Taking a lease is one conditional update (only where the
/// last lease has ended) or, the first time a job is seen, an insert that the primary key lets only one node win (the others' inserts do
/// nothing, so no failure is logged).
/// Times come from each node's clock, so nodes must keep their clocks in step (NTP), well within <see cref="Duration"/>.
/// </summary>
public sealed class JobLeases(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, TimeSpan duration) : IJobLeases
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(2);

    private static readonly string Node = $"{Environment.MachineName}/{Environment.ProcessId}";

    public TimeSpan Duration { get; } = duration > TimeSpan.Zero ? duration : DefaultDuration;

    public async Task<HeldLease?> TryAcquireAsync(string job, CancellationToken ct = default)
    {
        var holder = $"{Node}/{SecureTokens.New(16)}";
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Duration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Set<JobLease>()
            .Where(l => l.Job == job && l.ExpiresUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresUtc, until), ct);
        if (taken == 1)
        {
            return new HeldLease(job, holder);
        }

        // The first time a job is seen: insert its row unless another node already has (both engines understand
        // ON CONFLICT DO NOTHING), so nodes starting together never log a duplicate-key failure.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JobLeases" ("Job", "Holder", "ExpiresUtc") VALUES ({job}, {holder}, {until}) ON CONFLICT ("Job") DO NOTHING""",
            ct);
        return inserted == 1 ? new HeldLease(job, holder) : null;
    }

    public async Task<bool> RenewAsync(HeldLease lease, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow().UtcDateTime + Duration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<JobLease>()
            .Where(l => l.Job == lease.Job && l.Holder == lease.Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, until), ct) == 1;
    }

    public async Task ReleaseAsync(HeldLease lease, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<JobLease>()
            .Where(l => l.Job == lease.Job && l.Holder == lease.Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, now), ct);
    }
}
