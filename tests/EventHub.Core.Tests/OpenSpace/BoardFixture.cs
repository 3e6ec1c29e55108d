using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.OpenSpace;

/// <summary>
/// An Open Space event with three rooms (small, big, hall) and two slots on a real SQLite file; <see cref="Actors.Organiser"/>
/// is an editor on its team, so runs its board.
/// </summary>
internal sealed class BoardFixture : IAsyncDisposable
{
    private BoardFixture(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Signal = new InProcessLiveSignal();
        Layout = new BoardLayoutService(database, Signal, new EventHub.Core.Proceedings.SessionNotesLinks(clock));
        Queue = new PitchQueueService(database, clock, Signal);
        Placement = new SessionPlacementService(database, clock, Signal, new EventHub.Core.Proceedings.SessionNotesLinks(clock));
        Merging = new SessionMergeService(database, clock, Signal, [new SessionRecordMerge()]);
        Interest = new InterestService(database, clock, Signal);
        Overflow = new OverflowRoomService(database, clock, Signal, Merging);
        WalkIns = new WalkInPitchService(database, clock, Queue);
        Moderation = new PitchModerationService(database, Signal);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public InProcessLiveSignal Signal { get; }

    public BoardLayoutService Layout { get; }

    public PitchQueueService Queue { get; }

    public SessionPlacementService Placement { get; }

    public SessionMergeService Merging { get; }

    public InterestService Interest { get; }

    public OverflowRoomService Overflow { get; }

    public WalkInPitchService WalkIns { get; }

    public PitchModerationService Moderation { get; }

    public int EventId { get; private set; }

    public string Slug { get; } = "open-space-day";

    public int SmallRoom { get; private set; }

    public int BigRoom { get; private set; }

    public int Hall { get; private set; }

    public int Morning { get; private set; }

    public int Afternoon { get; private set; }

    public static async Task<BoardFixture> CreateAsync()
    {
        var fixture = new BoardFixture(await TestDatabase.CreateAsync(), Support.Clock.At());
        await fixture.SeedAsync();
        return fixture;
    }

    private async Task SeedAsync()
    {
        var start = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = Database.CreateDbContext())
        {
            var ev = new Event
            {
                Title = "Open Space Day", Slug = Slug, Kind = EventKind.OpenSpace, Status = EventStatus.Published,
                StartUtc = start, EndUtc = start.AddHours(8), Capacity = 100,
            };
            ev.Rooms.Add(new Room { Name = "Small room", Capacity = 2, SortOrder = 1 });
            ev.Rooms.Add(new Room { Name = "Big room", Capacity = 50, SortOrder = 2 });
            ev.Rooms.Add(new Room { Name = "Hall", Capacity = 100, SortOrder = 3 });
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            EventId = ev.Id;
            SmallRoom = ev.Rooms[0].Id;
            BigRoom = ev.Rooms[1].Id;
            Hall = ev.Rooms[2].Id;
        }

        await Teams.JoinEventAsync(Database, Actors.Organiser, EventId, TeamRole.Editor);

        Morning = (await Layout.AddSlotAsync(Actors.Organiser, EventId, start.AddHours(1), start.AddHours(2))).Value!.Id;
        Afternoon = (await Layout.AddSlotAsync(Actors.Organiser, EventId, start.AddHours(4), start.AddHours(5))).Value!.Id;
    }

    public async Task<int> ProposeAsync(string title, string convener = "Cat Convener") =>
        (await Queue.ProposeAsync(EventId, new ProposalInput(title, convener, "About " + title), convener)).Value!.Id;

    /// <summary>Proposes and places a session; returns its session id.</summary>
    public async Task<int> PlaceAsync(string title, int room, int slot, string convener = "Cat Convener")
    {
        var outcome = await Placement.PlaceAsync(Actors.Organiser, await ProposeAsync(title, convener), room, slot);
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!.SessionId;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
