using System.Collections.Concurrent;
using EventHub.Core.Common;

namespace EventHub.Core.Privacy;

/// <summary>
/// One node's copy of each event's resolved retention policy, so the booking form's sentence ("we keep your data for
/// …") costs no read per request (three reads before; docs/benchmarks.md, round 10). An event's policy depends on its
/// own setting, its series' and the site's defaults, and on which series it is in, so a copy is forgotten when:
/// <list type="bullet">
/// <item>a retention setting (event, series or site) is saved: <see cref="Changed"/> forgets every copy on this node and
/// publishes <see cref="LiveTopics.Retention"/> site-wide, which tells every other node to forget theirs;</item>
/// <item>the event or its series is edited (<see cref="LiveTopics.Public"/>, which every save of an event or series
/// publishes): that event's copy, or for a series every event's (the message names each edition).</item>
/// </list>
/// A version keeps a read that began before a change from storing what it read after the change was announced. A copy
/// is also kept at most <see cref="MaxAge"/>, so a message a node missed (a dropped LISTEN connection) cannot leave it
/// telling people an old period for long.
/// </summary>
public sealed class RetentionPolicyCache : IDisposable
{
    /// <summary>Events a node keeps at most; past that it starts again.</summary>
    private const int MaxEvents = 4096;

    /// <summary>The longest a copy is kept, whatever the signal says.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, (RetentionPolicy Policy, DateTimeOffset Read)> _entries = new();
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly ILiveSignal? _signal;
    private readonly IDisposable? _everyEvent;
    private readonly IDisposable? _siteWide;
    private readonly bool _keeps = true;
    private long _version;

    /// <param name="signal">Without one (a test's services on one database) changes are only forgotten on this node.</param>
    /// <param name="clock">What <see cref="MaxAge"/> is measured on.</param>
    public RetentionPolicyCache(ILiveSignal? signal = null, TimeProvider? clock = null)
    {
        _signal = signal;
        _clock = clock ?? TimeProvider.System;
        _everyEvent = signal?.SubscribeAll(message =>
        {
            if (message.Topic == LiveTopics.Public)
            {
                Forget(message.EventId);
            }

            return Task.CompletedTask;
        });
        _siteWide = signal?.Subscribe(LiveTopics.SiteWide, message =>
        {
            if (message.Topic == LiveTopics.Retention)
            {
                ForgetAll();
            }

            return Task.CompletedTask;
        });
    }

    private RetentionPolicyCache(bool keeps) => _keeps = keeps;

    /// <summary>Keeps nothing: for services built on their own (tests), which share no cache with the services that change the policy.</summary>
    internal static RetentionPolicyCache Uncached { get; } = new(keeps: false);

    /// <summary>The event's policy: this node's copy, or else what <paramref name="load"/> reads (null, no such event, is not kept).</summary>
    internal async Task<RetentionPolicy?> GetAsync(int eventId, Func<Task<RetentionPolicy?>> load)
    {
        if (_entries.TryGetValue(eventId, out var cached) && _clock.GetUtcNow() - cached.Read < MaxAge)
        {
            return cached.Policy;
        }

        var version = Interlocked.Read(ref _version);
        var read = _clock.GetUtcNow();
        var loaded = await load();
        if (loaded is null || !_keeps)
        {
            return loaded;
        }

        lock (_lock)
        {
            if (_version == version)
            {
                if (_entries.Count >= MaxEvents)
                {
                    _entries.Clear();
                }

                _entries[eventId] = (loaded, read);
            }
        }

        return loaded;
    }

    /// <summary>Call once a change to a retention setting (an event's, a series' or the site's) has committed.</summary>
    public void Changed()
    {
        ForgetAll();
        _signal?.Publish(LiveTopics.SiteWide, LiveTopics.Retention);
    }

    public void Dispose()
    {
        _everyEvent?.Dispose();
        _siteWide?.Dispose();
    }

    private void Forget(int eventId)
    {
        lock (_lock)
        {
            _version++;
            _entries.TryRemove(eventId, out _);
        }
    }

    private void ForgetAll()
    {
        lock (_lock)
        {
            _version++;
            _entries.Clear();
        }
    }
}
