using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Data;

/// <summary>What a save announces on the live signal once it commits, on a real database with the real migrations.</summary>
public sealed class LiveOnCommitTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private int _eventId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = await CoreServices.CreateAsync();
        await using var db = _services.Database.CreateDbContext();
        var now = _services.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = 10,
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(7), CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        _eventId = ev.Id;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Announcing_a_save_adds_no_change_detection_pass_and_still_sees_what_was_changed_or_added_through_a_navigation()
    {
        var signal = new RecordingSignal();
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        _services.Database.Dialect.Configure(options, _services.Database.ConnectionString);
        // A context with this interceptor alone, so the count is the save's and the interceptor's, nobody else's.
        options.AddInterceptors(new LiveOnCommitInterceptor(signal));
        await using var db = new EventHubDbContext(options.Options);
        var ev = await db.Events.Include(e => e.Rooms).SingleAsync(e => e.Id == _eventId, Ct);
        var detections = 0;
        db.ChangeTracker.DetectingAllChanges += (_, _) => detections++;

        ev.Title += " (moved)";
        ev.Capacity = 12;
        await db.SaveChangesAsync(Ct);

        detections.ShouldBe(1, "the save's own pass, and none for the live messages");
        signal.Sent.ShouldBe([new LiveMessage(_eventId, LiveTopics.Places), new LiveMessage(_eventId, LiveTopics.Public)], ignoreOrder: true);

        // A room added to the tracked event's list (not to the context) is found by the event's own change detection.
        signal.Sent.Clear();
        ev.Rooms.Add(new Room { Name = "Main hall", Capacity = 80 });
        await db.SaveChangesAsync(Ct);

        signal.Sent.ShouldBe([new LiveMessage(_eventId, LiveTopics.Public)]);
        (await db.Set<Room>().AsNoTracking().CountAsync(r => r.EventId == _eventId, Ct)).ShouldBe(1);
    }

    private sealed class RecordingSignal : ILiveSignal
    {
        public List<LiveMessage> Sent { get; } = [];

        public void Publish(int eventId, string topic)
        {
            lock (Sent)
            {
                Sent.Add(new LiveMessage(eventId, topic));
            }
        }

        public IDisposable Subscribe(int eventId, Func<LiveMessage, Task> listener) => throw new NotSupportedException();

        public IDisposable SubscribeAll(Func<LiveMessage, Task> listener) => throw new NotSupportedException();
    }
}
