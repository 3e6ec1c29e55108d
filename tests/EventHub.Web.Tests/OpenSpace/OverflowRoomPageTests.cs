using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.OpenSpace;

/// <summary>The facilitation board's "Duplicate into this room" and "Close this overflow room".</summary>
public sealed class OverflowRoomPageTests : BoardContext
{
    [Fact]
    public async Task Duplicating_a_selected_session_into_an_empty_room_of_its_slot_shows_also_in_on_both_cards_and_closing_it_says_where_its_notes_went()
    {
        var annexe = await AddRoomAsync("Annexe");
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Digital inclusion", "Dee"), "Dee")).Value!;
        (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Succeeded.ShouldBeTrue();
        var page = Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=select-session]"));
        page.FindAll("[data-testid=duplicate-here]").ShouldBeEmpty();

        page.Find("[data-testid=select-session]").Click();
        page.Find("[data-testid=duplicate-here]").Click();

        page.WaitForAssertion(() => page.Find($"[data-testid=cell-{annexe}-{SlotId}]").TextContent.ShouldContain("Digital inclusion"));
        page.Find("[data-testid=board-message]").TextContent.ShouldContain("“Digital inclusion” now also runs in Annexe, as an overflow room with its own notes page.");
        page.Find($"[data-testid=cell-{RoomId}-{SlotId}] [data-testid=also-in]").TextContent.ShouldBe("Also in Annexe");
        page.Find($"[data-testid=cell-{annexe}-{SlotId}] [data-testid=also-in]").TextContent.ShouldBe("Also in Garden room (this is the overflow room, with its own notes)");

        page.Find("[data-testid=remove-copy]").Click();

        page.WaitForAssertion(() => page.Find($"[data-testid=cell-{annexe}-{SlotId}]").TextContent.ShouldContain("Empty"));
        page.Find("[data-testid=board-message]").TextContent.ShouldContain("Closed the overflow room in Annexe: its notes, write-ups and interest joined “Digital inclusion” in Garden room.");
        page.FindAll("[data-testid=also-in]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_move_of_a_session_with_an_overflow_room_to_another_time_is_refused_and_says_why()
    {
        var annexe = await AddRoomAsync("Annexe");
        var later = (await Layout.AddSlotAsync(Actors.Organiser, EventId, new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 13, 0, 0, DateTimeKind.Utc))).Value!.Id;
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Digital inclusion", "Dee"), "Dee")).Value!;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        (await Services.GetService<OverflowRoomService>()!.DuplicateAsync(Actors.Organiser, session, annexe, SlotId)).Succeeded.ShouldBeTrue();
        var page = Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=select-session]").Count.ShouldBe(2));

        page.FindAll("[data-testid=select-session]")[0].Click();
        page.Find($"[data-testid=cell-{RoomId}-{later}] [data-testid=place-here]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=board-message]").TextContent
            .ShouldContain("“Digital inclusion” also runs in Annexe at this time, so it can only move to another room in the same time slot."));
        page.Find($"[data-testid=cell-{RoomId}-{SlotId}]").TextContent.ShouldContain("Digital inclusion");
    }

    private async Task<int> AddRoomAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        var room = new Room { EventId = EventId, Name = name, Capacity = 20, SortOrder = 5 };
        db.Rooms.Add(room);
        await db.SaveChangesAsync();
        return room.Id;
    }
}
