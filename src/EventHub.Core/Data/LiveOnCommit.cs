using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventHub.Core.Data;

/// <summary>
/// Live messages that belong to a unit of work: queued with <see cref="PublishOnCommit"/> while the change is written,
/// sent on the live signal only once it has committed (and dropped if it rolls back), so a listener that reloads
/// never reads the state from before the change. Places left change in one place (the conditional updates in
/// Bookings) and an event's capacity or status in another (EventService); both queue here, so every path that
/// changes places left is announced without each use case remembering to. Saving a change to what an event's
/// public pages show queues <see cref="LiveTopics.Public"/> the same way (see the interceptor).
/// </summary>
public static class LiveOnCommit
{
    /// <summary>
    /// Queues a message for when the current unit of work commits: its transaction, or without one the next save or
    /// bulk update (ExecuteUpdate, ExecuteDelete: call this before it, as they bypass the change tracker).
    /// </summary>
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
internal sealed class LiveOnCommitInterceptor(ILiveSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    // A bulk update or delete (ExecuteUpdate) outside a transaction has committed when it returns.
    public int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result)
    {
        SendIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SendIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

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
        QueueEventChangesAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await QueueEventChangesAsync(eventData.Context, async: true, cancellationToken);
        return result;
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

    /// <summary>
    /// A new capacity or status changes places left (<see cref="LiveTopics.Places"/>). Any change to what the public
    /// pages of an event show (the event, its series, rooms, sessions, board and proceedings: rows of the Events,
    /// OpenSpace and Proceedings features, found by their EventId or SessionId) is <see cref="LiveTopics.Public"/>,
    /// which is what tells every node's page cache to forget the event's pages. A booking joining or leaving the waiting
    /// list is <see cref="LiveTopics.Waiting"/>.
    /// </summary>
    private static async Task QueueEventChangesAsync(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is not EventHubDbContext db)
        {
            return;
        }

        var events = new HashSet<int>();
        var sessions = new HashSet<int>();
        var series = new HashSet<int>();
        foreach (var entry in ChangedEntries(db.ChangeTracker))
        {
            if (entry.Entity is Booking booking && ChangesWaitingList(entry, booking))
            {
                db.PublishOnCommit(booking.EventId, LiveTopics.Waiting);
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsPublicContent(entry.Metadata.ClrType))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Event ev:
                    if (entry.State == EntityState.Modified
                        && (entry.Property(nameof(Event.Capacity)).IsModified || entry.Property(nameof(Event.Status)).IsModified))
                    {
                        db.PublishOnCommit(ev.Id, LiveTopics.Places);
                    }

                    if (entry.State != EntityState.Added)
                    {
                        events.Add(ev.Id);
                    }

                    break;
                case EventSeries s when entry.State != EntityState.Added:
                    series.Add(s.Id);
                    break;
                default:
                    if (entry.Metadata.FindProperty("EventId") is { } eventId && entry.Property(eventId.Name).CurrentValue is int id)
                    {
                        events.Add(id);
                    }
                    else if (entry.Metadata.FindProperty("SessionId") is { } sessionId && entry.Property(sessionId.Name).CurrentValue is int sid)
                    {
                        sessions.Add(sid);
                    }

                    break;
            }
        }

        if (sessions.Count > 0)
        {
            var query = db.Sessions.Where(s => sessions.Contains(s.Id)).Select(s => s.EventId);
            events.UnionWith(async ? await query.ToListAsync(ct) : query.ToList());
        }

        if (series.Count > 0)
        {
            var query = db.Events.Where(e => e.SeriesId != null && series.Contains(e.SeriesId.Value)).Select(e => e.Id);
            events.UnionWith(async ? await query.ToListAsync(ct) : query.ToList());
        }

        foreach (var id in events)
        {
            db.PublishOnCommit(id, LiveTopics.Public);
        }
    }

    /// <summary>
    /// The tracked entries as the save will see them, without a change-detection pass of our own: this runs on every
    /// save of every context, before the save detects changes itself, and <c>Entries()</c> would compare every tracked
    /// entity with its snapshot first (a second full pass per save). Only the entries that can make a message (bookings
    /// and public content) have their own changes detected here, which also finds what was added through their
    /// navigations; the rest are left to the save's pass.
    /// </summary>
    private static List<EntityEntry> ChangedEntries(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            List<EntityEntry> entries = [.. tracker.Entries()];
            if (!detect)
            {
                return entries; // The save will not detect changes either.
            }

            var detected = false;
            foreach (var entry in entries)
            {
                if (entry.State is EntityState.Unchanged or EntityState.Modified
                    && (entry.Entity is Booking || IsPublicContent(entry.Metadata.ClrType)))
                {
                    entry.DetectChanges();
                    detected = true;
                }
            }

            // Detecting an entry's changes may have begun tracking what was added to its navigations: list them again.
            return detected ? [.. tracker.Entries()] : entries;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Whether saving this booking makes the waiting list longer or shorter (<see cref="LiveTopics.Waiting"/>): every
    /// change of a booking's status is tracked (none is a bulk update), so the dashboard's waiting count follows them all.
    /// </summary>
    private static bool ChangesWaitingList(EntityEntry entry, Booking booking)
    {
        const BookingStatus waiting = BookingStatus.Waiting;
        return entry.State switch
        {
            EntityState.Added or EntityState.Deleted => booking.Status == waiting,
            EntityState.Modified => entry.Property(nameof(Booking.Status)) is { IsModified: true } status
                && ((BookingStatus)status.OriginalValue! == waiting) != (booking.Status == waiting),
            _ => false,
        };
    }

    private static bool IsPublicContent(Type type) =>
        type.Namespace is "EventHub.Core.Events" or "EventHub.Core.OpenSpace" or "EventHub.Core.Proceedings";

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
