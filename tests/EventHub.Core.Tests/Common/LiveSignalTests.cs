using System.Collections.Concurrent;
using EventHub.Core.Common;

namespace EventHub.Core.Tests.Common;

/// <summary>Site-wide messages travel apart from events' messages: a cache of events never hears them as "event 0".</summary>
public sealed class LiveSignalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_site_wide_message_reaches_its_own_listeners_and_not_the_listeners_to_every_event()
    {
        var signal = new InProcessLiveSignal();
        var heardByEveryEvent = new ConcurrentQueue<LiveMessage>();
        var arrived = new ConcurrentDictionary<int, TaskCompletionSource>();
        Task Arrival(int eventId) => arrived.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        var siteWide = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var all = signal.SubscribeAll(message =>
        {
            heardByEveryEvent.Enqueue(message);
            arrived.GetOrAdd(message.EventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return Task.CompletedTask;
        });
        using var site = signal.Subscribe(LiveTopics.SiteWide, message =>
        {
            siteWide.TrySetResult(message);
            return Task.CompletedTask;
        });

        PublishFromItsOwnThread(signal, LiveTopics.SiteWide, LiveTopics.SiteSecurity);
        var heard = await siteWide.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // Published from a thread outside the pool, listeners are queued first in, first out: a site-wide message
        // handed to every event's listeners would be handled before these three later ones have all arrived.
        foreach (var eventId in new[] { 7, 8, 9 })
        {
            PublishFromItsOwnThread(signal, eventId, LiveTopics.Public);
            await Arrival(eventId).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        (heard.IsSiteWide, heard.Topic).ShouldBe((true, LiveTopics.SiteSecurity));
        heardByEveryEvent.Select(m => m.EventId).Order().ShouldBe([7, 8, 9]);
    }

    private static void PublishFromItsOwnThread(InProcessLiveSignal signal, int eventId, string topic)
    {
        var thread = new Thread(() => signal.Publish(eventId, topic));
        thread.Start();
        thread.Join();
    }
}
