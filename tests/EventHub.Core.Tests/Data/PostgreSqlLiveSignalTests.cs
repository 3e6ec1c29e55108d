using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventHub.Core.Tests.Data;

/// <summary>Two app nodes are two signal instances on one database: what one publishes, the other hears.</summary>
public sealed class PostgreSqlLiveSignalTests
{
    [Fact]
    public async Task A_message_published_on_one_node_reaches_a_listener_on_the_other_within_two_seconds()
    {
        Assert.SkipWhen(TestDatabase.Provider != DatabaseProvider.PostgreSql, "Runs in the PostgreSQL pass (EVENTHUB_TEST_PROVIDER=PostgreSql).");
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = new PostgreSqlLiveSignal(database.ConnectionString, NullLogger<PostgreSqlLiveSignal>.Instance);
        await using var nodeB = new PostgreSqlLiveSignal(database.ConnectionString, NullLogger<PostgreSqlLiveSignal>.Instance);
        await nodeB.StartAsync(ct);
        var heard = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherEvent = false;
        using var _ = nodeB.Subscribe(42, m =>
        {
            heard.TrySetResult(m);
            return Task.CompletedTask;
        });
        using var __ = nodeB.Subscribe(7, _ =>
        {
            otherEvent = true;
            return Task.CompletedTask;
        });

        nodeA.Publish(42, LiveTopics.CheckIn);

        var message = await heard.Task.WaitAsync(TimeSpan.FromSeconds(2), ct);
        message.ShouldBe(new LiveMessage(42, LiveTopics.CheckIn));
        otherEvent.ShouldBeFalse();
    }
}
