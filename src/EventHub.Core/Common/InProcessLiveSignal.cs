using System.Collections.Concurrent;

namespace EventHub.Core.Common;

/// <summary>The live signal inside one app process: each listener runs on the thread pool, so a slow or broken
/// page never holds up the change that caused the message, nor the other listeners.</summary>
public sealed class InProcessLiveSignal : ILiveSignal
{
    private const int EveryEvent = -1;
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<LiveMessage, Task>>> _listeners = new();

    public void Publish(int eventId, string topic)
    {
        var message = new LiveMessage(eventId, topic);
        Notify(eventId, message);
        if (!message.IsSiteWide)
        {
            Notify(EveryEvent, message);
        }
    }

    public IDisposable Subscribe(int eventId, Func<LiveMessage, Task> listener)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventId);
        return Add(eventId, listener);
    }

    public IDisposable SubscribeAll(Func<LiveMessage, Task> listener) => Add(EveryEvent, listener);

    private void Notify(int key, LiveMessage message)
    {
        if (!_listeners.TryGetValue(key, out var set) || set.IsEmpty)
        {
            return;
        }

        foreach (var listener in set.Values)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await listener(message);
                }
#pragma warning disable CA1031 // A listener's failure (a closed circuit) is its own business.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            });
        }
    }

    private Subscription Add(int key, Func<LiveMessage, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(key, _ => new()).TryAdd(id, listener);
        return new Subscription(() =>
        {
            if (_listeners.TryGetValue(key, out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    /// <summary>How many listeners one event has (tests and diagnostics).</summary>
    public int ListenerCount(int eventId) => _listeners.TryGetValue(eventId, out var set) ? set.Count : 0;

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
