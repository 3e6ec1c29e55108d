namespace EventHub.Core.OpenSpace;

/// <summary>Something changed on one event's board; live views reload when they hear it.</summary>
public sealed record BoardChange(int EventId, string What, DateTime AtUtc);

/// <summary>
/// In-process notifier, one list of listeners per event. Services publish after their transaction commits,
/// so a listener that reloads sees the change. Listeners must be quick (a Blazor component just schedules a render).
/// </summary>
public sealed class BoardChanges
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, List<Action<BoardChange>>> _listeners = [];

    public IDisposable Subscribe(int eventId, Action<BoardChange> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            if (!_listeners.TryGetValue(eventId, out var list))
            {
                list = [];
                _listeners[eventId] = list;
            }

            list.Add(listener);
        }

        return new Subscription(this, eventId, listener);
    }

    public void Publish(BoardChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Action<BoardChange>[] targets;
        lock (_gate)
        {
            targets = _listeners.TryGetValue(change.EventId, out var list) ? [.. list] : [];
        }

        foreach (var listener in targets)
        {
            try
            {
                listener(change);
            }
#pragma warning disable CA1031 // One broken listener (a closed circuit) must not stop the others hearing.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    public int ListenerCount(int eventId)
    {
        lock (_gate)
        {
            return _listeners.TryGetValue(eventId, out var list) ? list.Count : 0;
        }
    }

    private void Unsubscribe(int eventId, Action<BoardChange> listener)
    {
        lock (_gate)
        {
            if (_listeners.TryGetValue(eventId, out var list))
            {
                list.Remove(listener);
                if (list.Count == 0)
                {
                    _listeners.Remove(eventId);
                }
            }
        }
    }

    private sealed class Subscription(BoardChanges owner, int eventId, Action<BoardChange> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(eventId, listener);
            }
        }
    }
}
