using System.Collections.Concurrent;
using EventHub.Core.Common;
using EventHub.Core.Events;
using Microsoft.AspNetCore.OutputCaching;

namespace EventHub.Web.Infrastructure;

/// <summary>
/// Forgets the cached public pages of an event when the live signal says places left or something they show changed
/// (<see cref="LiveTopics.Places"/>, <see cref="LiveTopics.Public"/>): the event's pages, its series' pages and the
/// listings. The signal reaches every node (PostgreSQL LISTEN/NOTIFY), so every node's cache forgets. The slugs an
/// event had before are remembered too, so a page cached under an old slug goes when the slug changes.
/// </summary>
public sealed class PublicPageEviction(ILiveSignal signal, IOutputCacheStore store, PublicEvents events, ILogger<PublicPageEviction> logger)
    : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<int, EventSlugs> _known = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = signal.SubscribeAll(message =>
            message.Topic is LiveTopics.Places or LiveTopics.Public ? EvictAsync(message.EventId) : Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    private async Task EvictAsync(int eventId)
    {
        try
        {
            // The listings first, without waiting for the database: they are the pages most often asked for.
            await store.EvictByTagAsync(PublicPageCache.Listings, CancellationToken.None);
            var now = await events.SlugsAsync(eventId);
            _known.TryGetValue(eventId, out var before);
            if (now is not null)
            {
                _known[eventId] = now;
            }

            var tags = new HashSet<string>(StringComparer.Ordinal);
            foreach (var slugs in new[] { now, before })
            {
                if (slugs is null)
                {
                    continue;
                }

                tags.Add(PublicPageCache.EventTag(slugs.Event));
                if (slugs.Series is { } series)
                {
                    tags.Add(PublicPageCache.SeriesTag(series));
                }
            }

            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // A failed eviction leaves a page at most a minute old; the change itself is committed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not forget the cached pages of event {EventId}", eventId);
        }
    }
}
