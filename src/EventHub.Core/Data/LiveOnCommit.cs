using EventHub.Core.Common;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventHub.Core.Data;

/// <summary>
/// Live messages that belong to a unit of work: queued with <see cref="PublishOnCommit"/> while the change is written,
/// sent on the live signal only once it has committed (and dropped if it rolls back), so a listener that reloads
/// never reads the state from before the change. Places left change in one place (the conditional updates in
/// Bookings) and an event's capacity or status in another (EventService); both queue here, so every path that
/// changes places left is announced without each use case remembering to.
/// </summary>
public static class LiveOnCommit
{
    /// <summary>Queues a message for when the current unit of work commits (or, without a transaction, saves).</summary>
    public static void PublishOnCommit(this EventHubDbContext db, int eventId, string topic)
    {
        ArgumentNullException.ThrowIfNull(db);
        lock (db.PendingLive)
        {
            db.PendingLive.Add(new LiveMessage(eventId, topic));
        }
    }

    internal static IReadOnlyList<LiveMessage> Take(EventHubDbContext db)
    {
        lock (db.PendingLive)
        {
            var messages = db.PendingLive.ToList();
            db.PendingLive.Clear();
            return messages;
        }
    }
}

/// <summary>Sends <see cref="LiveOnCommit"/>'s queued messages when their transaction commits.</summary>
internal sealed class LiveOnCommitInterceptor(ILiveSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Send(eventData.Context);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Send(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is EventHubDbContext db)
        {
            LiveOnCommit.Take(db);
        }
    }

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        QueueEventChanges(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        QueueEventChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SendIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SendIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A new capacity or status changes what "places left" says (or whether it is shown at all).
    private static void QueueEventChanges(DbContext? context)
    {
        if (context is not EventHubDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<Event>())
        {
            if (entry.State == EntityState.Modified
                && (entry.Property(e => e.Capacity).IsModified || entry.Property(e => e.Status).IsModified))
            {
                db.PublishOnCommit(entry.Entity.Id, LiveTopics.Places);
            }
        }
    }

    // Without an explicit transaction the save itself committed (and so did any conditional update before it).
    private void SendIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Send(context);
        }
    }

    private void Send(DbContext? context)
    {
        if (context is not EventHubDbContext db)
        {
            return;
        }

        foreach (var message in LiveOnCommit.Take(db))
        {
            signal.Publish(message.EventId, message.Topic);
        }
    }
}
