using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.OpenSpace;

/// <summary>bUnit with the real board services on a real SQLite file, an Open Space event with one room and slot.</summary>
public abstract class BoardContext : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;

    protected InProcessLiveSignal Signal { get; } = new();

    protected BoardLayoutService Layout { get; private set; } = default!;

    protected PitchQueueService Queue { get; private set; } = default!;

    protected SessionPlacementService Placement { get; private set; } = default!;

    /// <summary>Who is signed in: a facilitator (an organiser) unless a test changes it.</summary>
    protected BunitAuthorizationContext Auth { get; private set; } = default!;

    protected int EventId { get; private set; }

    protected int RoomId { get; private set; }

    protected int SlotId { get; private set; }

    protected string Slug { get; } = "open-space";

    /// <summary>Public-action rate limits for this test's pages: off unless a test turns them on.</summary>
    protected EventHub.Web.Features.Site.RateLimitOptions RateLimits { get; } = new() { Enabled = false };

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var clock = Clock.At();
        Layout = new BoardLayoutService(Database, Signal, new EventHub.Core.Proceedings.SessionNotesLinks(clock));
        Queue = new PitchQueueService(Database, clock, Signal);
        Placement = new SessionPlacementService(Database, clock, Signal, new EventHub.Core.Proceedings.SessionNotesLinks(clock));
        var interest = new InterestService(Database, clock, Signal);
        Services.AddSingleton<ILiveSignal>(Signal);
        Services.AddSingleton(Layout);
        Services.AddSingleton(Queue);
        Services.AddSingleton(Placement);
        var merging = new SessionMergeService(Database, clock, Signal, [new SessionRecordMerge()]);
        Services.AddSingleton(merging);
        Services.AddSingleton(new OverflowRoomService(Database, clock, Signal, merging));
        Services.AddSingleton(interest);
        Services.AddSingleton(new TicketHolderBoardService(Database, Queue, interest, clock));
        Services.AddSingleton(new WalkInPitchService(Database, clock, Queue));
        Services.AddSingleton(new PitchModerationService(Database, Signal));
        Services.AddSingleton(new EventHub.Core.NewsRoom.NewsService(Database, clock, Signal));
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton(new NotesService(Database, clock));
        Services.AddSingleton(new MaterialService(Database, clock, new MaterialStore(Path.Combine(Database.Folder, "materials")), Database.Dialect));
        Services.AddSingleton(new ProceedingsService(Database, clock));
        Services.AddSingleton(new WriteUpService(Database, clock));
        var conveners = new SessionConveners(new SessionNotesLinks(clock), clock);
        Services.AddSingleton(new CreditService(Database, conveners));
        Services.AddSingleton(new ConvenerMailService(Database, conveners));
        Services.AddSingleton(new EventHub.Core.FollowUps.FollowUpService(Database, clock, new EventHub.Core.FollowUps.BulkEmailService(Database, clock, Database.Leases(clock))));
        Services.AddSingleton(new EventService(Database, clock));
        Services.AddSingleton(new EventAccess(Database));
        Services.AddScoped<CurrentActor>();
        // Read when a page first asks, so a test can lower RateLimits before it renders.
        Services.AddSingleton(_ => new EventHub.Web.Features.Site.PublicActionLimiter(Microsoft.Extensions.Options.Options.Create(RateLimits)));
        Auth = AddAuthorization();
        Auth.SetAuthorized("Fay Facilitator");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "organiser-1"));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var start = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
        await using var db = Database.CreateDbContext();
        var ev = new Event
        {
            Title = "Open Space", Slug = Slug, Kind = EventKind.OpenSpace, Status = EventStatus.Published,
            StartUtc = start, EndUtc = start.AddHours(6), Capacity = 50,
        };
        ev.Rooms.Add(new Room { Name = "Garden room", Capacity = 10 });
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        EventId = ev.Id;
        RoomId = ev.Rooms[0].Id;
        await Teams.JoinEventAsync(Database, Actors.Organiser, EventId, EventHub.Core.Events.Access.TeamRole.Owner);
        SlotId = (await Layout.AddSlotAsync(Actors.Organiser, EventId, start, start.AddHours(1))).Value!.Id;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
