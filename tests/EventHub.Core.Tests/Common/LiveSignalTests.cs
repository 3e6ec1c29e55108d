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
        var siteWide = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var eventSeven = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var all = signal.SubscribeAll(message =>
        {
            heardByEveryEvent.Enqueue(message);
            if (message.EventId == 7)
            {
                eventSeven.TrySetResult();
            }

            return Task.CompletedTask;
        });
        using var site = signal.Subscribe(LiveTopics.SiteWide, message =>
        {
            siteWide.TrySetResult(message);
            return Task.CompletedTask;
        });

        signal.Publish(LiveTopics.SiteWide, LiveTopics.SiteSecurity);
        var heard = await siteWide.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // A site-wide message given to every event's listeners would be handed to the thread pool before event 7's:
        // once event 7's has arrived, it would be there too (the test passes either way with the separation in place).
        signal.Publish(7, LiveTopics.Public);
        await eventSeven.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        (heard.IsSiteWide, heard.Topic).ShouldBe((true, LiveTopics.SiteSecurity));
        heardByEveryEvent.ShouldBe([new LiveMessage(7, LiveTopics.Public)]);
    }
}
