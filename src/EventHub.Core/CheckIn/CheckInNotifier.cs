using System.Collections.Concurrent;

namespace EventHub.Core.CheckIn;

/// <summary>
/// Tells every open door page and organiser page of one event that its counts changed. In-process only: one app
/// instance serves the doors (a scaled-out deployment would need a shared bus instead).
/// </summary>
public sealed class CheckInNotifier
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<Task>>> _listeners = new();

    public IDisposable Subscribe(int eventId, Func<Task> onChanged)
    {
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(eventId, _ => new()).TryAdd(id, onChanged);
        return new Subscription(() =>
        {
            if (_listeners.TryGetValue(eventId, out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    public void Publish(int eventId)
    {
        if (!_listeners.TryGetValue(eventId, out var set))
        {
            return;
        }

        foreach (var handler in set.Values)
        {
            // Fire and forget: a slow or broken page must never hold up the scan that caused the change.
            _ = Task.Run(async () =>
            {
                try
                {
                    await handler();
                }
#pragma warning disable CA1031 // A listener's failure (a closed circuit) is its own business.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            });
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
