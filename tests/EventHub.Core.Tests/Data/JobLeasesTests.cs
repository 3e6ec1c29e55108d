using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Data;

/// <summary>The lease table on the engine under test: each <c>Leases(...)</c> call stands for another node.</summary>
public sealed class JobLeasesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_many_nodes_taking_a_new_job_at_once_exactly_one_gets_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = Clock.At();

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => database.Leases(clock).TryAcquireAsync("sweep", Ct), Ct)));

        taken.Count(l => l is not null).ShouldBe(1);
    }

    [Fact]
    public async Task Nodes_that_lose_the_race_for_a_new_job_log_no_database_failure()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = Clock.At();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var logged = new LoggingFactory(database, failures);

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new JobLeases(logged, clock, JobLeases.DefaultDuration).TryAcquireAsync("sweep", Ct), Ct)));

        taken.Count(l => l is not null).ShouldBe(1);
        failures.ShouldBeEmpty("losing the race for a new job is normal, not a failure worth an error in the log");
    }

    [Fact]
    public async Task A_held_lease_is_refused_to_others_until_it_runs_out_and_then_its_old_holder_cannot_renew_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = Clock.At();
        var nodeA = database.Leases(clock);
        var nodeB = database.Leases(clock);

        var a = (await nodeA.TryAcquireAsync("sweep", Ct)).ShouldNotBeNull();
        (await nodeB.TryAcquireAsync("sweep", Ct)).ShouldBeNull();
        (await nodeA.TryAcquireAsync("sweep", Ct)).ShouldBeNull("a second run on the same node waits too");

        clock.Advance(nodeA.Duration - TimeSpan.FromSeconds(1));
        (await nodeA.RenewAsync(a, Ct)).ShouldBeTrue();
        clock.Advance(nodeA.Duration - TimeSpan.FromSeconds(1));
        (await nodeB.TryAcquireAsync("sweep", Ct)).ShouldBeNull("renewed, so still held");

        clock.Advance(TimeSpan.FromSeconds(1)); // node A died: it stopped renewing
        var b = (await nodeB.TryAcquireAsync("sweep", Ct)).ShouldNotBeNull();
        (await nodeA.RenewAsync(a, Ct)).ShouldBeFalse("node A lost it and must stop");
        (await nodeB.RenewAsync(b, Ct)).ShouldBeTrue();

        await nodeB.ReleaseAsync(b, Ct);
        (await nodeA.TryAcquireAsync("sweep", Ct)).ShouldNotBeNull("released leases are free at once");
        (await nodeA.TryAcquireAsync("other job", Ct)).ShouldNotBeNull("each job has a lease of its own");
    }

    [Fact]
    public async Task Work_run_alone_is_stopped_when_its_lease_is_taken_over()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = Clock.At();
        var nodeA = database.Leases(clock);
        var started = new TaskCompletionSource();

        var run = nodeA.RunAloneAsync("sweep", async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }, clock, Ct);
        await started.Task;
        // Someone else holds the row now (as if node A had stalled past its lease and node B took over).
        await using (var db = database.CreateDbContext())
        {
            await db.Set<JobLease>().ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "node-b"), Ct);
        }

        clock.Advance(nodeA.Duration / 3); // node A's renewal comes round and fails

        (await run.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe(LeasedRun.LeaseLost);
        await using (var db = database.CreateDbContext())
        {
            (await db.Set<JobLease>().SingleAsync(Ct)).Holder.ShouldBe("node-b", "node A must not release a lease it lost");
        }
    }
}

/// <summary>Contexts on the test database that record every message EF logs at error level or above.</summary>
internal sealed class LoggingFactory(TestDatabase database, System.Collections.Concurrent.ConcurrentQueue<string> errors) : IDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        database.Dialect.Configure(options, database.ConnectionString);
        options.LogTo(errors.Enqueue, Microsoft.Extensions.Logging.LogLevel.Error);
        return new EventHubDbContext(options.Options);
    }
}
