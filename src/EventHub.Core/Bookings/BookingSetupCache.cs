using System.Collections.Concurrent;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// One node's copy of each event's <see cref="BookingSetup"/>, so a booking and the booking form do not read the
/// settings, questions and ticket types again on every request (docs/benchmarks.md, round 8). The services that change
/// them call <see cref="Changed"/> once the change has committed: it forgets this node's copy at once and publishes
/// <see cref="LiveTopics.BookingSetup"/> on the live signal, which tells every other node to forget theirs.
/// A version per event keeps a read that began before a change from storing what it read after the change was announced.
/// </summary>
public sealed class BookingSetupCache : IDisposable
{
    /// <summary>Events a node keeps at most; past that it starts again (a few hundred events book at once at most).</summary>
    private const int MaxEvents = 4096;

    private readonly ConcurrentDictionary<int, BookingSetup> _entries = new();
    private readonly Dictionary<int, long> _versions = [];
    private readonly Lock _lock = new();
    private readonly ILiveSignal? _signal;
    private readonly IDisposable? _subscription;
    private readonly bool _keeps = true;

    /// <param name="signal">Without one (a test's services on one database) changes are only forgotten on this node.</param>
    public BookingSetupCache(ILiveSignal? signal = null)
    {
        _signal = signal;
        _subscription = signal?.SubscribeAll(message =>
        {
            if (message.Topic == LiveTopics.BookingSetup)
            {
                Forget(message.EventId);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The event's setup; read on <paramref name="db"/>'s connection when this node has no current copy.</summary>
    /// <param name="eventCreatedUtc">The event row's <c>CreatedUtc</c>, read by the caller in the same request.</param>
    internal async Task<BookingSetup> GetAsync(EventHubDbContext db, int eventId, DateTime eventCreatedUtc, CancellationToken ct)
    {
        if (_entries.TryGetValue(eventId, out var cached) && cached.EventCreatedUtc == eventCreatedUtc)
        {
            return cached;
        }

        var version = VersionOf(eventId);
        var loaded = await LoadAsync(db, eventId, eventCreatedUtc, ct);
        lock (_lock)
        {
            if (_keeps && _versions.GetValueOrDefault(eventId) == version)
            {
                if (_entries.Count >= MaxEvents)
                {
                    _entries.Clear();
                }

                _entries[eventId] = loaded;
            }
        }

        return loaded;
    }

    /// <summary>Call once a change to the event's settings, questions or ticket types has committed.</summary>
    public void Changed(int eventId)
    {
        Forget(eventId);
        _signal?.Publish(eventId, LiveTopics.BookingSetup);
    }

    private BookingSetupCache(bool keeps) => _keeps = keeps;

    /// <summary>Keeps nothing: for services built on their own (tests), which share no cache with the services that change the set-up.</summary>
    internal static BookingSetupCache Uncached { get; } = new(keeps: false);

    public void Dispose() => _subscription?.Dispose();

    private void Forget(int eventId)
    {
        lock (_lock)
        {
            _versions[eventId] = _versions.GetValueOrDefault(eventId) + 1;
            _entries.TryRemove(eventId, out _);
        }
    }

    private long VersionOf(int eventId)
    {
        lock (_lock)
        {
            return _versions.GetValueOrDefault(eventId);
        }
    }

    private static async Task<BookingSetup> LoadAsync(EventHubDbContext db, int eventId, DateTime eventCreatedUtc, CancellationToken ct)
    {
        var settings = await db.Set<BookingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        var questions = await db.Set<RegistrationQuestion>().AsNoTracking().Where(q => q.EventId == eventId).InListOrder().ToListAsync(ct);
        var types = await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == eventId).InListOrder().ToListAsync(ct);
        return new BookingSetup(eventCreatedUtc, settings ?? BookingSettings.DefaultFor(eventId), settings is not null, questions, types);
    }
}
