using System.Collections.Concurrent;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;

namespace EventHub.Web.Features.Events;

/// <summary>
/// Places left per event for everyone watching it: one live-signal subscription and one read per change per event
/// (the room's places, then each online type's), however many browsers hold the stream open (a rush can have
/// thousands on one event page).
/// </summary>
public sealed class PlacesFeed(PublicEvents events, OnlinePlaces online, ILiveSignal signal) : IDisposable
{
    private readonly ConcurrentDictionary<int, Watch> _watches = new();

    /// <summary>The current places of every kind (read once per change), or null when the event is no longer public.</summary>
    public Task<LivePlaces?> CurrentAsync(int eventId) => WatchOf(eventId).Current(ReadAsync);

    /// <summary>Calls <paramref name="changed"/> after each change to the event's places, until disposed.</summary>
    public IDisposable Listen(int eventId, Action changed)
    {
        var watch = WatchOf(eventId);
        var id = Guid.NewGuid();
        watch.Listeners[id] = changed;
        return new Unlisten(() => watch.Listeners.TryRemove(id, out _));
    }

    public void Dispose()
    {
        foreach (var watch in _watches.Values)
        {
            watch.Subscription?.Dispose();
        }
    }

    private async Task<LivePlaces?> ReadAsync(int eventId) =>
        await events.GetPlacesAsync(eventId) is { } room ? new LivePlaces(room, await online.ForEventAsync(eventId)) : null;

    private Watch WatchOf(int eventId) => _watches.GetOrAdd(eventId, id =>
    {
        var watch = new Watch(id);
        watch.Subscription = signal.Subscribe(id, message =>
        {
            if (message.Topic == LiveTopics.Places)
            {
                watch.Changed();
            }

            return Task.CompletedTask;
        });
        return watch;
    });

    private sealed class Watch(int eventId)
    {
        private readonly Lock _lock = new();
        private int _version;
        private (int Version, Task<LivePlaces?> Places)? _latest;

        public IDisposable? Subscription { get; set; }

        public ConcurrentDictionary<Guid, Action> Listeners { get; } = new();

        // A read is kept with the version it started at, so one that began before a change is never served after it.
        public Task<LivePlaces?> Current(Func<int, Task<LivePlaces?>> read)
        {
            lock (_lock)
            {
                if (_latest is not { } latest || latest.Version != _version || latest.Places.IsFaulted || latest.Places.IsCanceled)
                {
                    latest = (_version, read(eventId));
                    _latest = latest;
                }

                return latest.Places;
            }
        }

        public void Changed()
        {
            lock (_lock)
            {
                _version++;
            }

            foreach (var listener in Listeners.Values)
            {
                listener();
            }
        }
    }

    private sealed class Unlisten(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
