using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.FollowUps;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Polls;
using EventHub.Core.Tests.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// Two nodes on one database (each with its own services, write gate and lease holder) running the same background
/// job at the same moment: every item is done exactly once, and a job a dead node held is taken over when its lease
/// runs out.
/// </summary>
public sealed class TwoNodeSweepTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_expiring_offers_at_once_end_each_offer_once_and_make_each_new_offer_once()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 20);
        var people = new List<BookingResult>();
        for (var i = 0; i < 60; i++)
        {
            people.Add(await kit.BookAsync($"Person {i}", $"person{i}@devon.gov.uk"));
        }

        foreach (var confirmed in people.Take(20))
        {
            await kit.Bookings.CancelAsync(confirmed.ManageToken); // 20 offers to the first 20 waiting
        }

        kit.Clock.Advance(TimeSpan.FromDays(3)); // every offer ran out
        using var gateB = new BookingWriteGate(kit.Database.Dialect);
        var nodeA = OfferExpiry(kit.Waitlist, kit);
        var nodeB = OfferExpiry(new WaitlistService(kit.Database, kit.Clock, gateB), kit);

        var runs = await Task.WhenAll(Task.Run(() => nodeA.SweepOnceAsync(Ct), Ct), Task.Run(() => nodeB.SweepOnceAsync(Ct), Ct));

        runs.ShouldContain(LeasedRun.Finished);
        var expired = await kit.OutboxAsync(BookingTemplates.OfferExpired);
        expired.Count.ShouldBe(20);
        expired.Select(m => m.ToEmail).Distinct().Count().ShouldBe(20);
        var offered = await kit.OutboxAsync(BookingTemplates.PlaceOffered);
        offered.Count.ShouldBe(40, "20 when the places were cancelled, 20 more when those offers ran out");
        offered.Select(m => m.ToEmail).Distinct().Count().ShouldBe(40);
        var bookings = await kit.AllBookingsAsync();
        bookings.Count(b => b.Status == BookingStatus.Offered).ShouldBe(20);
        bookings.Where(b => b.Status == BookingStatus.Offered).Select(b => b.Email)
            .ShouldBe(Enumerable.Range(40, 20).Select(i => $"person{i}@devon.gov.uk"), ignoreOrder: true);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(20);
    }

    [Fact]
    public async Task Offers_a_dead_node_was_expiring_are_expired_by_another_node_once_its_lease_runs_out()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);
        kit.Clock.Advance(TimeSpan.FromDays(3));
        var node = OfferExpiry(kit.Waitlist, kit);
        await HoldAsDeadNodeAsync(kit.Database, node.Job, kit.Clock.GetUtcNow().UtcDateTime + JobLeases.DefaultDuration);

        (await node.SweepOnceAsync(Ct)).ShouldBe(LeasedRun.HeldElsewhere);
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);

        kit.Clock.Advance(JobLeases.DefaultDuration);
        (await node.SweepOnceAsync(Ct)).ShouldBe(LeasedRun.Finished);
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
        (await kit.OutboxAsync(BookingTemplates.OfferExpired)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_nodes_sweeping_reminders_at_once_queue_each_reminder_once()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 100);
        for (var i = 0; i < 80; i++)
        {
            await kit.BookAsync($"Person {i}", $"person{i}@devon.gov.uk");
        }

        var start = (await kit.EventAsync()).StartUtc;
        kit.Clock.Advance(start.AddDays(-1) - kit.Clock.GetUtcNow().UtcDateTime);

        await Task.WhenAll(Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct), Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct));
        await Task.WhenAll(Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct), Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct));

        var sent = await kit.OutboxAsync(FollowUpTemplates.Reminder);
        sent.Count.ShouldBe(80);
        sent.Select(m => m.ToEmail).Distinct().Count().ShouldBe(80);
    }

    [Fact]
    public async Task A_bulk_email_a_dead_node_was_queuing_is_finished_once_by_one_node_after_its_lease_runs_out()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 500);
        for (var i = 0; i < 450; i++)
        {
            await kit.BookAsync($"Person {i}", $"person{i}@devon.gov.uk");
        }

        // Node A queues the first batch of 200 and dies holding the message's lease.
        var nodeA = new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock));
        var crash = new Crash(200);
        await Should.ThrowAsync<InvalidOperationException>(() => nodeA.SendAsync(Actors.Organiser, kit.EventId,
            new BulkEmailInput { Audience = BulkAudience.Confirmed, Subject = "What to bring", Body = "A laptop." }, crash, Ct));
        var id = (await nodeA.SentAsync(Actors.Organiser, kit.EventId, Ct)).Single().Id;
        var deadUntil = kit.Clock.GetUtcNow().UtcDateTime + JobLeases.DefaultDuration + TimeSpan.FromMinutes(1);
        await HoldAsDeadNodeAsync(kit.Database, BulkEmailService.LeaseFor(id), deadUntil);

        kit.Clock.Advance(JobLeases.DefaultDuration);
        await Task.WhenAll(Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct), Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct));
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Count.ShouldBe(200, "the dead node's lease still holds");

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct), Task.Run(() => Reminders(kit).SweepOnceAsync(Ct), Ct));

        var copies = await kit.OutboxAsync(FollowUpTemplates.BulkMessage);
        copies.Count.ShouldBe(450);
        copies.Select(m => m.ToEmail).Distinct().Count().ShouldBe(450);
        (await nodeA.SentAsync(Actors.Organiser, kit.EventId, Ct)).Single().FinishedUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_retention_sweep_waits_for_a_dead_nodes_lease_and_then_runs()
    {
        await using var kit = await PrivacyKit.CreateAsync();
        var node = new RetentionSweepWorker(kit.Get<Anonymiser>(), kit.Database.Leases(kit.Services.Clock), kit.Services.Clock, NullLogger<RetentionSweepWorker>.Instance);
        await HoldAsDeadNodeAsync(kit.Database, node.Job, kit.Services.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));

        (await node.SweepOnceAsync(Ct)).ShouldBe(LeasedRun.HeldElsewhere);
        kit.Services.Clock.Advance(TimeSpan.FromMinutes(1));
        (await node.SweepOnceAsync(Ct)).ShouldBe(LeasedRun.Finished);
    }

    [Fact]
    public async Task The_poll_sweep_waits_for_a_dead_nodes_lease_and_then_runs()
    {
        await using var kit = await PollTestKit.CreateAsync();
        using var node = new PollRetentionService(kit.Finalising, kit.PersonalData, kit.Database.Leases(kit.Clock), kit.Clock,
            Options.Create(new PollSettings()), NullLogger<PollRetentionService>.Instance);
        await HoldAsDeadNodeAsync(kit.Database, node.Job, kit.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));

        (await node.SweepOnceAsync(Ct)).ShouldBe(LeasedRun.HeldElsewhere);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        (await node.SweepOnceAsync(Ct)).ShouldBe(LeasedRun.Finished);
    }

    private static OfferExpiryWorker OfferExpiry(WaitlistService waitlist, BookingKit kit) =>
        new(waitlist, kit.Database.Leases(kit.Clock), kit.Clock, NullLogger<OfferExpiryWorker>.Instance);

    /// <summary>Each call is another node: its own services and lease holder on the shared database.</summary>
    private static ReminderWorker Reminders(BookingKit kit)
    {
        var leases = kit.Database.Leases(kit.Clock);
        return new ReminderWorker(new ReminderService(kit.Database, kit.Clock, kit.Bookings), new BulkEmailService(kit.Database, kit.Clock, leases),
            leases, kit.Clock, NullLogger<ReminderWorker>.Instance);
    }

    private static async Task HoldAsDeadNodeAsync(TestDatabase database, string job, DateTime untilUtc)
    {
        await using var db = database.CreateDbContext();
        var lease = await db.Set<JobLease>().FirstOrDefaultAsync(l => l.Job == job, Ct);
        if (lease is null)
        {
            db.Add(new JobLease { Job = job, Holder = "dead-node", ExpiresUtc = untilUtc });
        }
        else
        {
            lease.Holder = "dead-node";
            lease.ExpiresUtc = untilUtc;
        }

        await db.SaveChangesAsync(Ct);
    }

    private sealed class Crash(int afterQueued) : IProgress<BulkEmailProgress>
    {
        public void Report(BulkEmailProgress value)
        {
            if (value.Queued == afterQueued)
            {
                throw new InvalidOperationException("node died");
            }
        }
    }
}
