using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class SessionPlacementServiceTests
{
    [Fact]
    public async Task Placing_a_proposal_creates_a_session_in_that_room_and_slot_and_takes_it_off_the_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        var proposal = await f.ProposeAsync("Testing in production", "Ann");

        var outcome = await f.Placement.PlaceAsync(Actors.Organiser, proposal, f.BigRoom, f.Morning);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug);
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

        var outcome = await f.Placement.PlaceAsync(Actor.Anonymous, proposal, f.BigRoom, f.Morning);

        outcome.ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Cells.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_board_refuses_a_second_session_in_a_room_and_slot_already_taken()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.PlaceAsync("First in", f.BigRoom, f.Morning);
        var second = await f.ProposeAsync("Second in");

        var outcome = await f.Placement.PlaceAsync(Actors.Organiser, second, f.BigRoom, f.Morning);

        outcome.ErrorCode.ShouldBe(OpenSpaceErrors.CellTaken.Code);
        outcome.Errors[0].Message.ShouldBe(OpenSpaceErrors.CellTakenForProposal.Message);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Queue.Single().Title.ShouldBe("Second in");
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

        var outcome = await f.Placement.MoveAsync(Actors.Organiser, session, f.Hall, f.Afternoon);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug);
        board!.CellAt(f.SmallRoom, f.Morning).ShouldBeNull();
        board.CellAt(f.Hall, f.Afternoon)!.SessionId.ShouldBe(session);
        (await f.Placement.GetHistoryAsync(Actors.Organiser, session))[^1].Kind.ShouldBe(SessionHistoryKind.Moved);
    }

    [Fact]
    public async Task Moving_onto_a_taken_cell_is_refused()
    {
        await using var f = await BoardFixture.CreateAsync();
        var a = await f.PlaceAsync("A", f.SmallRoom, f.Morning);
        await f.PlaceAsync("B", f.Hall, f.Morning);

        var outcome = await f.Placement.MoveAsync(Actors.Organiser, a, f.Hall, f.Morning);

        outcome.ErrorCode.ShouldBe(OpenSpaceErrors.CellTaken.Code);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.CellAt(f.SmallRoom, f.Morning)!.SessionId.ShouldBe(a);
    }

    [Fact]
    public async Task Swapping_two_sessions_exchanges_their_rooms_and_slots()
    {
        await using var f = await BoardFixture.CreateAsync();
        var a = await f.PlaceAsync("Popular", f.SmallRoom, f.Morning, "Ann");
        var b = await f.PlaceAsync("Niche", f.Hall, f.Afternoon, "Bob");

        var outcome = await f.Placement.SwapAsync(Actors.Organiser, a, b);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug);
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
        (await f.Placement.SetPinnedAsync(Actors.Organiser, keynote, true)).Succeeded.ShouldBeTrue();

        (await f.Placement.MoveAsync(Actors.Organiser, keynote, f.BigRoom, f.Morning)).ErrorCode.ShouldBe(OpenSpaceErrors.Pinned.Code);
        (await f.Placement.SwapAsync(Actors.Organiser, other, keynote)).ErrorCode.ShouldBe(OpenSpaceErrors.Pinned.Code);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.CellAt(f.Hall, f.Morning)!.IsPinned.ShouldBeTrue();

        await f.Placement.SetPinnedAsync(Actors.Organiser, keynote, false);
        (await f.Placement.MoveAsync(Actors.Organiser, keynote, f.BigRoom, f.Morning)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_board_warns_when_a_convener_would_be_in_two_places_in_the_same_slot()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.PlaceAsync("Kanban", f.Hall, f.Morning, "Ann Lee");

        var second = await f.Placement.PlaceAsync(Actors.Organiser, await f.ProposeAsync("Scrum", " ann  LEE"), f.BigRoom, f.Morning);

        second.Succeeded.ShouldBeTrue();
        second.Value!.Warnings.ShouldContain("ann  LEE is also convening \"Kanban\" at this time");
        var afternoon = await f.Placement.PlaceAsync(Actors.Organiser, await f.ProposeAsync("Later", "Ann Lee"), f.SmallRoom, f.Afternoon);
        afternoon.Value!.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task People_interested_in_a_session_that_moves_are_told_through_the_outbox()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Movable", f.SmallRoom, f.Morning);
        await f.Interest.MarkInterestAsync(session, "Ivy", "ivy@example.com");

        await f.Placement.MoveAsync(Actors.Organiser, session, f.Hall, f.Afternoon);

        await using var db = f.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync();
        message.Template.ShouldBe(OpenSpaceEmailTemplates.SessionMoved);
        message.ToEmail.ShouldBe("ivy@example.com");
        message.PayloadJson.ShouldContain("\"NewRoom\":\"Hall\"");
        message.PayloadJson.ShouldContain("\"OldRoom\":\"Small room\"");
    }
}
