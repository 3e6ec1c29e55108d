using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Events;

public sealed class EventServiceTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private EventService _events = default!;
    private AgendaService _agenda = default!;

    public async ValueTask InitializeAsync()
    {
        _services = await CoreServices.CreateAsync();
        _events = _services.Get<EventService>();
        _agenda = _services.Get<AgendaService>();

        // A stored organiser, so the events it creates are recorded as its own.
        await Teams.StoreAsync(_services.Database, Actors.Organiser);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static EventInput Forum(string title = "Social Media Forum: winter") => new()
    {
        Title = title,
        VenueName = "County Hall",
        StartLocal = new DateTime(2026, 12, 3, 9, 30, 0),
        EndLocal = new DateTime(2026, 12, 3, 16, 0, 0),
        Capacity = 80,
    };

    [Fact]
    public async Task Creating_an_event_stores_a_draft_with_a_slug_from_its_title_and_UTC_times()
    {
        var outcome = await _events.CreateAsync(Actors.Organiser, Forum());

        outcome.Succeeded.ShouldBeTrue();
        await using var db = _services.Database.CreateDbContext();
        var stored = await db.Events.SingleAsync();
        stored.Slug.ShouldBe("social-media-forum-winter");
        stored.Status.ShouldBe(EventStatus.Draft);
        stored.StartUtc.ShouldBe(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc));
        stored.StartUtc.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public async Task A_second_event_with_the_same_title_gets_a_numbered_slug()
    {
        (await _events.CreateAsync(Actors.Organiser, Forum())).Succeeded.ShouldBeTrue();

        var second = await _events.CreateAsync(Actors.Organiser, Forum());

        second.Value!.Slug.ShouldBe("social-media-forum-winter-2");
    }

    [Fact]
    public async Task A_slug_typed_by_hand_that_is_already_used_is_refused_at_the_field()
    {
        (await _events.CreateAsync(Actors.Organiser, Forum())).Succeeded.ShouldBeTrue();
        var input = Forum("Another");
        input.Slug = "social-media-forum-winter";

        var outcome = await _events.CreateAsync(Actors.Organiser, input);

        outcome.ErrorFor("Slug").ShouldBe("Another event already uses this web address. Choose a different one");
    }

    [Fact]
    public async Task Someone_who_is_not_an_organiser_cannot_create_or_change_events()
    {
        var created = await _events.CreateAsync(Actor.Anonymous, Forum());
        created.ErrorCode.ShouldBe(ErrorCodes.Forbidden);

        var ev = (await _events.CreateAsync(Actors.Organiser, Forum())).Value!;
        (await _events.SetStatusAsync(Actor.Anonymous, ev.Id, EventStatus.Published)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await _agenda.SaveRoomAsync(Actor.Anonymous, ev.Id, null, new RoomInput { Name = "Hall" })).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        await Should.ThrowAsync<NotAuthorisedException>(() => _events.ListAsync(Actor.Anonymous, new EventListQuery()));
    }

    [Fact]
    public async Task Two_sessions_cannot_use_one_room_at_overlapping_times()
    {
        var ev = (await _events.CreateAsync(Actors.Organiser, Forum())).Value!;
        var room = (await _agenda.SaveRoomAsync(Actors.Organiser, ev.Id, null, new RoomInput { Name = "Committee Suite", Capacity = 80 })).Value!;
        (await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, null, Session("Crisis comms", room.Id, 10, 0, 11, 0))).Succeeded.ShouldBeTrue();

        var clash = await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, null, Session("Alt text", room.Id, 10, 30, 11, 30));
        var backToBack = await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, null, Session("Measuring", room.Id, 11, 0, 12, 0));

        clash.ErrorFor("RoomId").ShouldBe("The room is already used by \"Crisis comms\" from 10am to 11am. Choose another room or time");
        backToBack.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Editing_a_session_does_not_clash_with_itself()
    {
        var ev = (await _events.CreateAsync(Actors.Organiser, Forum())).Value!;
        var room = (await _agenda.SaveRoomAsync(Actors.Organiser, ev.Id, null, new RoomInput { Name = "Hall" })).Value!;
        var session = (await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, null, Session("Talk", room.Id, 10, 0, 11, 0))).Value!;

        var edited = await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, session.Id, Session("Talk, longer", room.Id, 10, 0, 11, 30));

        edited.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Moving_an_event_so_a_session_falls_outside_it_is_refused()
    {
        var ev = (await _events.CreateAsync(Actors.Organiser, Forum())).Value!;
        (await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, null, Session("Closing", null, 15, 0, 16, 0))).Succeeded.ShouldBeTrue();
        var shorter = Forum();
        shorter.EndLocal = new DateTime(2026, 12, 3, 13, 0, 0);

        var outcome = await _events.UpdateAsync(Actors.Organiser, ev.Id, shorter);

        outcome.ErrorFor("StartLocal")!.ShouldContain("\"Closing\" would fall outside");
    }

    [Fact]
    public async Task Room_names_are_unique_within_an_event_and_a_room_in_use_cannot_be_deleted()
    {
        var ev = (await _events.CreateAsync(Actors.Organiser, Forum())).Value!;
        var room = (await _agenda.SaveRoomAsync(Actors.Organiser, ev.Id, null, new RoomInput { Name = "Hall" })).Value!;
        (await _agenda.SaveRoomAsync(Actors.Organiser, ev.Id, null, new RoomInput { Name = "Hall" })).ErrorFor("Name").ShouldBe("This event already has a room with that name");
        (await _agenda.SaveSessionAsync(Actors.Organiser, ev.Id, null, Session("Talk", room.Id, 10, 0, 11, 0))).Succeeded.ShouldBeTrue();

        var delete = await _agenda.DeleteRoomAsync(Actors.Organiser, ev.Id, room.Id);

        delete.ErrorCode.ShouldBe(ErrorCodes.Conflict);
    }

    [Fact]
    public async Task Only_published_completed_and_cancelled_events_are_public()
    {
        var draft = (await _events.CreateAsync(Actors.Organiser, Forum("Draft forum"))).Value!;
        var published = (await _events.CreateAsync(Actors.Organiser, Forum("Published forum"))).Value!;
        var cancelled = (await _events.CreateAsync(Actors.Organiser, Forum("Cancelled forum"))).Value!;
        (await _events.SetStatusAsync(Actors.Organiser, published.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        (await _events.SetStatusAsync(Actors.Organiser, cancelled.Id, EventStatus.Cancelled)).Succeeded.ShouldBeTrue();
        var publicEvents = _services.Get<PublicEvents>();

        var upcoming = await publicEvents.UpcomingAsync();

        upcoming.Select(c => c.Title).ShouldBe(["Cancelled forum", "Published forum"], ignoreOrder: true);
        (await publicEvents.GetEventAsync(draft.Slug)).ShouldBeNull();
        (await publicEvents.GetEventAsync(cancelled.Slug))!.Event.Status.ShouldBe(EventStatus.Cancelled);
    }

    [Fact]
    public async Task The_organiser_list_is_paged_on_the_server_and_searchable()
    {
        for (var i = 1; i <= 30; i++)
        {
            (await _events.CreateAsync(Actors.Organiser, Forum($"Forum {i:00}"))).Succeeded.ShouldBeTrue();
        }

        var page = await _events.ListAsync(Actors.Organiser, new EventListQuery(Page: 1, PageSize: 25));
        var search = await _events.ListAsync(Actors.Organiser, new EventListQuery(Search: "forum 1"));

        page.TotalCount.ShouldBe(30);
        page.Items.Count.ShouldBe(5);
        search.Items.Count.ShouldBe(10); // Forum 10 … Forum 19
    }

    [Fact]
    public async Task Publishing_an_event_the_rules_now_reject_is_refused_with_the_reason()
    {
        var ev = (await _events.CreateAsync(Actors.Organiser, Forum())).Value!;
        await using (var db = _services.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == ev.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.VenueName, string.Empty));
        }

        var outcome = await _events.SetStatusAsync(Actors.Organiser, ev.Id, EventStatus.Published);

        outcome.ErrorCode.ShouldBe(ErrorCodes.Conflict);
        outcome.Errors[0].Message.ShouldContain("Enter a venue name or an online link");
    }

    private static SessionInput Session(string title, int? roomId, int h1, int m1, int h2, int m2) => new()
    {
        Title = title,
        RoomId = roomId,
        StartLocal = new DateTime(2026, 12, 3, h1, m1, 0),
        EndLocal = new DateTime(2026, 12, 3, h2, m2, 0),
    };
}
