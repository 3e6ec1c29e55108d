using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class BoardServiceTests
{
    [Fact]
    public async Task Proposals_wait_in_the_queue_in_the_order_they_were_pitched()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");
        await f.ProposeAsync("Second");
        await f.Board.ProposeOnBehalfAsync(Actors.Organiser, f.EventId, new ProposalInput("Third", "Pat at the pitch desk"));

        var board = await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug);

        board!.Queue.Select(p => p.Title).ShouldBe(["First", "Second", "Third"]);
    }

    [Fact]
    public async Task A_proposal_without_a_title_or_convener_is_refused_with_field_errors()
    {
        await using var f = await BoardFixture.CreateAsync();

        var outcome = await f.Board.ProposeAsync(f.EventId, new ProposalInput(" ", ""), "Someone");

        outcome.ErrorFor(nameof(ProposalInput.Title)).ShouldBe("Enter a title for the session");
        outcome.ErrorFor(nameof(ProposalInput.ConvenerName)).ShouldBe("Enter the convener's name");
    }

    [Fact]
    public async Task Placing_a_proposal_creates_a_session_in_that_room_and_slot_and_takes_it_off_the_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        var proposal = await f.ProposeAsync("Testing in production", "Ann");

        var outcome = await f.Board.PlaceAsync(Actors.Organiser, proposal, f.BigRoom, f.Morning);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug);
        board!.Queue.ShouldBeEmpty();
        var cell = board.CellAt(f.BigRoom, f.Morning);
        cell!.Title.ShouldBe("Testing in production");
        cell.ConvenerName.ShouldBe("Ann");
        await using var db = f.Database.CreateDbContext();
        var session = await db.Sessions.SingleAsync(s => s.Id == outcome.Value!.SessionId);
        session.RoomId.ShouldBe(f.BigRoom);
        session.StartUtc.ShouldBe(board.Slots[0].StartUtc);
        (await db.Set<Proposal>().SingleAsync(p => p.Id == proposal)).Status.ShouldBe(ProposalStatus.Placed);
    }

    [Fact]
    public async Task Someone_who_is_not_an_organiser_cannot_change_the_board()
    {
        await using var f = await BoardFixture.CreateAsync();
        var proposal = await f.ProposeAsync("Mine");

        var outcome = await f.Board.PlaceAsync(Actor.Anonymous, proposal, f.BigRoom, f.Morning);

        outcome.ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug))!.Cells.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_board_refuses_a_second_session_in_a_room_and_slot_already_taken()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.PlaceAsync("First in", f.BigRoom, f.Morning);
        var second = await f.ProposeAsync("Second in");

        var outcome = await f.Board.PlaceAsync(Actors.Organiser, second, f.BigRoom, f.Morning);

        outcome.ErrorCode.ShouldBe(OpenSpaceMessages.CellTaken);
        outcome.Errors[0].Message.ShouldBe(OpenSpaceMessages.CellTakenText);
        (await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug))!.Queue.Single().Title.ShouldBe("Second in");
    }

    [Fact]
    public async Task The_database_itself_refuses_two_board_cells_in_one_room_and_slot()
    {
        await using var f = await BoardFixture.CreateAsync();
        var first = await f.PlaceAsync("First in", f.BigRoom, f.Morning);
        var second = await f.PlaceAsync("Second in", f.Hall, f.Morning);
        await using var db = f.Database.CreateDbContext();
        var cell = await db.Set<BoardCell>().SingleAsync(c => c.SessionId == second);
        cell.RoomId = f.BigRoom;

        var ex = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        DbErrors.IsUniqueViolation(ex).ShouldBeTrue();
        first.ShouldNotBe(second);
    }

    [Fact]
    public async Task Moving_a_session_puts_it_in_the_new_cell_and_frees_the_old_one()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Movable", f.SmallRoom, f.Morning);

        var outcome = await f.Board.MoveAsync(Actors.Organiser, session, f.Hall, f.Afternoon);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug);
        board!.CellAt(f.SmallRoom, f.Morning).ShouldBeNull();
        board.CellAt(f.Hall, f.Afternoon)!.SessionId.ShouldBe(session);
        (await f.Board.GetHistoryAsync(session))[^1].Kind.ShouldBe(SessionHistoryKind.Moved);
    }

    [Fact]
    public async Task Moving_onto_a_taken_cell_is_refused()
    {
        await using var f = await BoardFixture.CreateAsync();
        var a = await f.PlaceAsync("A", f.SmallRoom, f.Morning);
        await f.PlaceAsync("B", f.Hall, f.Morning);

        var outcome = await f.Board.MoveAsync(Actors.Organiser, a, f.Hall, f.Morning);

        outcome.ErrorCode.ShouldBe(OpenSpaceMessages.CellTaken);
        (await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug))!.CellAt(f.SmallRoom, f.Morning)!.SessionId.ShouldBe(a);
    }

    [Fact]
    public async Task Swapping_two_sessions_exchanges_their_rooms_and_slots()
    {
        await using var f = await BoardFixture.CreateAsync();
        var a = await f.PlaceAsync("Popular", f.SmallRoom, f.Morning, "Ann");
        var b = await f.PlaceAsync("Niche", f.Hall, f.Afternoon, "Bob");

        var outcome = await f.Board.SwapAsync(Actors.Organiser, a, b);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug);
        board!.CellAt(f.Hall, f.Afternoon)!.SessionId.ShouldBe(a);
        board.CellAt(f.Hall, f.Afternoon)!.ConvenerName.ShouldBe("Ann");
        board.CellAt(f.SmallRoom, f.Morning)!.SessionId.ShouldBe(b);
        await using var db = f.Database.CreateDbContext();
        (await db.Sessions.SingleAsync(s => s.Id == a)).RoomId.ShouldBe(f.Hall);
    }

    [Fact]
    public async Task A_pinned_session_cannot_be_moved_or_swapped_until_it_is_unpinned()
    {
        await using var f = await BoardFixture.CreateAsync();
        var keynote = await f.PlaceAsync("Opening circle", f.Hall, f.Morning);
        var other = await f.PlaceAsync("Other", f.SmallRoom, f.Afternoon);
        (await f.Board.SetPinnedAsync(Actors.Organiser, keynote, true)).Succeeded.ShouldBeTrue();

        (await f.Board.MoveAsync(Actors.Organiser, keynote, f.BigRoom, f.Morning)).ErrorCode.ShouldBe(OpenSpaceMessages.Pinned);
        (await f.Board.SwapAsync(Actors.Organiser, other, keynote)).ErrorCode.ShouldBe(OpenSpaceMessages.Pinned);
        (await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug))!.CellAt(f.Hall, f.Morning)!.IsPinned.ShouldBeTrue();

        await f.Board.SetPinnedAsync(Actors.Organiser, keynote, false);
        (await f.Board.MoveAsync(Actors.Organiser, keynote, f.BigRoom, f.Morning)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Merging_keeps_both_titles_and_conveners_in_the_history_and_frees_the_absorbed_cell()
    {
        await using var f = await BoardFixture.CreateAsync();
        var keep = await f.PlaceAsync("Remote teams", f.Hall, f.Morning, "Ann");
        var absorb = await f.PlaceAsync("Working from home", f.SmallRoom, f.Morning, "Bob");

        var outcome = await f.Board.MergeAsync(Actors.Organiser, keep, absorb);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug);
        board!.CellAt(f.SmallRoom, f.Morning).ShouldBeNull();
        var cell = board.CellAt(f.Hall, f.Morning)!;
        cell.Title.ShouldBe("Remote teams + Working from home");
        cell.ConvenerName.ShouldBe("Ann, Bob");
        var history = await f.Board.GetHistoryAsync(keep);
        history.ShouldContain(h => h.Kind == SessionHistoryKind.MergedIn && h.Title == "Remote teams" && h.ConvenerName == "Ann");
        history.ShouldContain(h => h.Kind == SessionHistoryKind.MergedIn && h.Title == "Working from home" && h.ConvenerName == "Bob");
        await using var db = f.Database.CreateDbContext();
        (await db.Sessions.AnyAsync(s => s.Id == absorb)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_board_warns_when_a_convener_would_be_in_two_places_in_the_same_slot()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.PlaceAsync("Kanban", f.Hall, f.Morning, "Ann Lee");

        var second = await f.Board.PlaceAsync(Actors.Organiser, await f.ProposeAsync("Scrum", " ann  LEE"), f.BigRoom, f.Morning);

        second.Succeeded.ShouldBeTrue();
        second.Value!.Warnings.ShouldContain("ann  LEE is also convening \"Kanban\" at this time");
        var afternoon = await f.Board.PlaceAsync(Actors.Organiser, await f.ProposeAsync("Later", "Ann Lee"), f.SmallRoom, f.Afternoon);
        afternoon.Value!.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_board_warns_when_interest_exceeds_the_room_capacity()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Popular", f.SmallRoom, f.Morning);

        (await f.Board.MarkInterestAsync(session, "One", "one@example.com")).Value!.Warning.ShouldBeNull();
        (await f.Board.MarkInterestAsync(session, "Two", "two@example.com")).Value!.Warning.ShouldBeNull();
        (await f.Board.MarkInterestAsync(session, "Two again", "TWO@example.com")).Value!.InterestCount.ShouldBe(2);
        var third = await f.Board.MarkInterestAsync(session, "Three", "three@example.com");

        third.Value!.InterestCount.ShouldBe(3);
        third.Value.Warning.ShouldBe("3 people would like to go to \"Popular\" but Small room holds 2. Consider swapping it with a larger room");
        (await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug))!.CellAt(f.SmallRoom, f.Morning)!.Warnings.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task People_interested_in_a_session_that_moves_are_told_through_the_outbox()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Movable", f.SmallRoom, f.Morning);
        await f.Board.MarkInterestAsync(session, "Ivy", "ivy@example.com");

        await f.Board.MoveAsync(Actors.Organiser, session, f.Hall, f.Afternoon);

        await using var db = f.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync();
        message.Template.ShouldBe(OpenSpaceEmailTemplates.SessionMoved);
        message.ToEmail.ShouldBe("ivy@example.com");
        message.PayloadJson.ShouldContain("\"NewRoom\":\"Hall\"");
        message.PayloadJson.ShouldContain("\"OldRoom\":\"Small room\"");
    }

    [Fact]
    public async Task People_interested_in_a_merged_away_session_are_told_and_their_interest_follows_it()
    {
        await using var f = await BoardFixture.CreateAsync();
        var keep = await f.PlaceAsync("Keep", f.Hall, f.Morning, "Ann");
        var absorb = await f.PlaceAsync("Absorb", f.SmallRoom, f.Morning, "Bob");
        await f.Board.MarkInterestAsync(absorb, "Ivy", "ivy@example.com");
        await f.Board.MarkInterestAsync(absorb, "Both", "both@example.com");
        await f.Board.MarkInterestAsync(keep, "Both", "both@example.com");

        await f.Board.MergeAsync(Actors.Organiser, keep, absorb);

        await using var db = f.Database.CreateDbContext();
        var messages = await db.Set<OutboxMessage>().ToListAsync();
        messages.Select(m => m.ToEmail).Order().ShouldBe(["both@example.com", "ivy@example.com"]);
        messages.ShouldAllBe(m => m.Template == OpenSpaceEmailTemplates.SessionMerged);
        (await db.Set<InterestMark>().CountAsync(i => i.SessionId == keep)).ShouldBe(2);
    }

    [Fact]
    public async Task Live_views_hear_about_each_change_to_their_event_only()
    {
        await using var f = await BoardFixture.CreateAsync();
        var heard = new List<string>();
        using var subscription = f.Changes.Subscribe(f.EventId, c => heard.Add(c.What));
        using var elsewhere = f.Changes.Subscribe(f.EventId + 1000, _ => throw new InvalidOperationException("wrong event"));

        var session = await f.PlaceAsync("Live", f.Hall, f.Morning);
        await f.Board.MoveAsync(Actors.Organiser, session, f.BigRoom, f.Morning);

        heard.ShouldBe(["proposed", "placed", "moved"]);
        subscription.Dispose();
        await f.ProposeAsync("After unsubscribing");
        heard.Count.ShouldBe(3);
        f.Changes.ListenerCount(f.EventId).ShouldBe(0);
    }

    [Fact]
    public async Task A_slot_that_overlaps_another_is_refused()
    {
        await using var f = await BoardFixture.CreateAsync();
        var board = await f.Board.GetBoardAsync(Actors.Organiser, f.EventId);
        var morning = board!.Slots[0];

        var outcome = await f.Board.AddSlotAsync(Actors.Organiser, f.EventId, morning.StartUtc.AddMinutes(30), morning.EndUtc.AddMinutes(30));

        outcome.ErrorFor("StartUtc").ShouldBe(OpenSpaceMessages.SlotOverlapText);
    }
}
