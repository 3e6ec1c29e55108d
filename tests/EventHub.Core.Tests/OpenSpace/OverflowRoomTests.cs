using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

/// <summary>Duplicating a popular session into an overflow room of the same slot, and closing that room again.</summary>
public sealed class OverflowRoomTests
{
    [Fact]
    public async Task Duplicating_a_session_places_a_linked_copy_in_a_free_room_of_its_slot_and_both_cards_name_the_other_room()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning, "Ann");

        var outcome = await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        var copyId = outcome.Value!.SessionId;
        copyId.ShouldNotBe(session);
        var board = (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!;
        var original = board.CellAt(f.SmallRoom, f.Morning)!;
        var copy = board.CellAt(f.Hall, f.Morning)!;
        copy.SessionId.ShouldBe(copyId);
        copy.Title.ShouldBe("Open data for buses");
        copy.ConvenerName.ShouldBe("Ann");
        copy.IsOverflowCopy.ShouldBeTrue();
        copy.AlsoIn.ShouldBe(["Small room"]);
        original.IsOverflowCopy.ShouldBeFalse();
        original.AlsoIn.ShouldBe(["Hall"]);
        original.Warnings.ShouldBeEmpty("the convener of a session and its overflow room is not convening two sessions");
        (await f.Placement.GetHistoryAsync(Actors.Organiser, session))[^1].Detail.ShouldBe("Also in Hall (an overflow room with its own notes)");

        // Each room keeps its own notes: the take-notes page of the copy says so.
        var target = (await f.Layout.NotesTargetAsync(Actor.Anonymous, f.Slug, copyId))!;
        target.Room.ShouldBe("Hall");
        target.AlsoIn.ShouldBe(["Small room"]);
    }

    [Fact]
    public async Task A_copy_in_another_slot_or_in_a_taken_room_is_refused_with_the_reason()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning);
        await f.PlaceAsync("Already here", f.BigRoom, f.Morning);

        var otherSlot = await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Afternoon);
        var taken = await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.BigRoom, f.Morning);

        otherSlot.Errors.Single().Message.ShouldBe(OpenSpaceErrors.CopySameSlot.Message);
        taken.Errors.Single().Message.ShouldBe(OpenSpaceErrors.CellTakenForCopy.Message);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Cells.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_convener_and_the_people_interested_are_told_of_the_overflow_room_and_the_manage_page_says_so()
    {
        await using var f = await BoardFixture.CreateAsync();
        var ann = await TicketHolderBoardTests.HolderAsync(f, "Ann Attendee");
        var holders = new TicketHolderBoardService(f.Database, f.Queue, f.Interest, f.Clock);
        var proposal = (await holders.ProposeAsync(ann, new ProposalInput("Chatbots for council tax", null, null))).Value!;
        var session = (await f.Placement.PlaceAsync(Actors.Organiser, proposal.Id, f.SmallRoom, f.Morning)).Value!.SessionId;
        await f.Interest.MarkInterestAsync(session, "Ivy", "ivy@example.com");

        (await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning)).Succeeded.ShouldBeTrue();

        await using var db = f.Database.CreateDbContext();
        var messages = await db.Set<OutboxMessage>().Where(m => m.Template != OpenSpaceEmailTemplates.NotesLink).OrderBy(m => m.Id).ToListAsync();
        messages.Select(m => (m.Template, m.ToEmail)).ShouldBe(
        [
            (OpenSpaceEmailTemplates.ConvenerSessionOverflow, "ann@devon.gov.uk"),
            (OpenSpaceEmailTemplates.SessionOverflow, "ivy@example.com"),
        ]);
        messages[0].PayloadJson.ShouldContain("\"NewRoom\":\"Small room and Hall (overflow)\"");
        messages[0].PayloadJson.ShouldContain("\"OldRoom\":null");
        var view = (await holders.GetAsync(ann))!.Proposals.Single();
        view.Where.ShouldStartWith("On the board: Small room and Hall");
        view.Moved.ShouldNotBeNull().ShouldEndWith("Also in Hall (an overflow room with its own notes)");
    }

    [Fact]
    public async Task A_session_and_its_copy_move_only_between_rooms_of_their_slot_and_the_other_stays()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning);
        var copy = (await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning)).Value!.SessionId;
        var later = await f.PlaceAsync("Later on", f.BigRoom, f.Afternoon);

        var toAfternoon = await f.Placement.MoveAsync(Actors.Organiser, session, f.SmallRoom, f.Afternoon);
        var copyToAfternoon = await f.Placement.MoveAsync(Actors.Organiser, copy, f.Hall, f.Afternoon);
        var swapAcross = await f.Placement.SwapAsync(Actors.Organiser, later, session);
        var withinSlot = await f.Placement.MoveAsync(Actors.Organiser, session, f.BigRoom, f.Morning);

        toAfternoon.Errors.Single().Message.ShouldBe(OpenSpaceErrors.LinkedKeepsSlot("Open data for buses", "Hall").Message);
        copyToAfternoon.ErrorCode.ShouldBe("overflow_slot");
        swapAcross.ErrorCode.ShouldBe("overflow_slot");
        withinSlot.Succeeded.ShouldBeTrue();
        var board = (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!;
        board.CellAt(f.BigRoom, f.Morning)!.AlsoIn.ShouldBe(["Hall"]);
        board.CellAt(f.Hall, f.Morning)!.SessionId.ShouldBe(copy);
        board.CellAt(f.BigRoom, f.Afternoon)!.SessionId.ShouldBe(later);
    }

    [Fact]
    public async Task Closing_the_overflow_room_merges_the_copy_back_with_its_notes_and_interest_and_keeps_the_title()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning);
        var copy = (await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning)).Value!.SessionId;
        await f.Interest.MarkInterestAsync(copy, "Ivy", "ivy@example.com");
        var notes = new NotesService(f.Database, f.Clock);
        (await notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, copy), new NotesInput { KeyPoints = "Timetables as open data" })).Succeeded.ShouldBeTrue();

        var notACopy = await f.Overflow.RemoveCopyAsync(Actors.Organiser, session);
        var outcome = await f.Overflow.RemoveCopyAsync(Actors.Organiser, copy);

        notACopy.Errors.Single().Message.ShouldBe(OpenSpaceErrors.NotACopy.Message);
        outcome.Succeeded.ShouldBeTrue();
        var board = (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!;
        var cell = board.Cells.ShouldHaveSingleItem();
        cell.Title.ShouldBe("Open data for buses");
        cell.AlsoIn.ShouldBeEmpty();
        cell.InterestCount.ShouldBe(1);
        await using var db = f.Database.CreateDbContext();
        (await db.Set<SessionNotes>().SingleAsync(n => n.SessionId == session)).KeyPoints.ShouldContain("Timetables as open data");
        (await db.Sessions.AnyAsync(s => s.Id == copy)).ShouldBeFalse();
        var told = await db.Set<OutboxMessage>().SingleAsync(m => m.ToEmail == "ivy@example.com" && m.Template == OpenSpaceEmailTemplates.SessionMoved);
        told.PayloadJson.ShouldContain("\"NewRoom\":\"Small room\"");
    }

    [Fact]
    public async Task Closing_the_overflow_room_heads_the_copys_notes_with_its_room_and_names_the_convener_once()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning, "Ann");
        var copy = (await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning)).Value!.SessionId;
        var notes = new NotesService(f.Database, f.Clock);
        (await notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, session), new NotesInput { Convener = "Ann", KeyPoints = "Fares as open data" })).Succeeded.ShouldBeTrue();
        (await notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, copy), new NotesInput { Convener = "ann ", KeyPoints = "Timetables as open data" })).Succeeded.ShouldBeTrue();

        (await f.Overflow.RemoveCopyAsync(Actors.Organiser, copy)).Succeeded.ShouldBeTrue();

        await using var db = f.Database.CreateDbContext();
        var kept = await db.Set<SessionNotes>().SingleAsync(n => n.SessionId == session);
        kept.Convener.ShouldBe("Ann");
        kept.KeyPoints.ShouldBe("Fares as open data\n\n### From the session in Hall\n\nTimetables as open data");
    }

    [Fact]
    public async Task A_session_with_an_overflow_room_cannot_be_merged_away_into_another()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning);
        await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning);
        var other = await f.PlaceAsync("Bus lanes", f.BigRoom, f.Morning);

        var outcome = await f.Merging.MergeAsync(Actors.Organiser, other, session);

        outcome.Errors.Single().Message.ShouldBe(OpenSpaceErrors.LinkedMerge("Open data for buses", "Hall").Message);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Cells.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Withdrawing_the_convener_name_takes_it_off_the_overflow_copy_too()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data for buses", f.SmallRoom, f.Morning, "Ann Convener");
        var copy = (await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning)).Value!.SessionId;

        await using (var db = f.Database.CreateDbContext())
        {
            await new SessionConveners(new SessionNotesLinks(f.Clock), f.Clock).WithdrawNameAsync(db, session, CancellationToken.None);
        }

        await using var check = f.Database.CreateDbContext();
        (await check.Set<BoardCell>().SingleAsync(c => c.SessionId == copy)).ConvenerName.ShouldBe(Credit.Participant);
        (await check.Sessions.SingleAsync(s => s.Id == copy)).Speakers.ShouldBe(Credit.Participant);
        (await check.Set<SessionHistoryEntry>().Where(h => h.SessionId == copy).Select(h => h.ConvenerName).ToListAsync()).ShouldAllBe(n => n == Credit.Participant);
    }
}
