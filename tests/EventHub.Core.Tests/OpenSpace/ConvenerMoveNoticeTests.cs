using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

/// <summary>Conveners hear when the facilitators move their session: by email through the outbox, and on their manage page.</summary>
public sealed class ConvenerMoveNoticeTests
{
    [Fact]
    public async Task A_walk_in_convener_who_gave_an_email_is_told_where_their_session_moved_and_a_swap_tells_both()
    {
        await using var f = await BoardFixture.CreateAsync();
        (await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, false))).Succeeded.ShouldBeTrue();
        var pitched = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Libraries as labs", "wendy@example.com"))).Value!;
        var wendy = (await f.Placement.PlaceAsync(Actors.Organiser, pitched.ProposalId, f.SmallRoom, f.Morning)).Value!.SessionId;
        var other = await f.PlaceAsync("No email given", f.BigRoom, f.Morning);

        await f.Placement.MoveAsync(Actors.Organiser, wendy, f.Hall, f.Afternoon);
        var moved = await MovedMessagesAsync(f);
        await f.Placement.SwapAsync(Actors.Organiser, wendy, other);

        var message = moved.ShouldHaveSingleItem();
        message.ToEmail.ShouldBe("wendy@example.com");
        message.ToName.ShouldBe("Wendy Walker");
        message.PayloadJson.ShouldContain("\"OldRoom\":\"Small room\"");
        message.PayloadJson.ShouldContain("\"NewRoom\":\"Hall\"");
        var afterSwap = await MovedMessagesAsync(f);
        afterSwap.Count.ShouldBe(2, "the swap moved Wendy's session again; the other convener gave no email");
        afterSwap[1].PayloadJson.ShouldContain("\"NewRoom\":\"Big room\"");
    }

    [Fact]
    public async Task A_ticket_holder_whose_proposal_moves_gets_one_convener_message_and_a_line_on_their_manage_page()
    {
        await using var f = await BoardFixture.CreateAsync();
        var ann = await TicketHolderBoardTests.HolderAsync(f, "Ann Attendee");
        var holders = new TicketHolderBoardService(f.Database, f.Queue, f.Interest, f.Clock);
        var proposal = (await holders.ProposeAsync(ann, new ProposalInput("Chatbots for council tax", null, null))).Value!;
        var session = (await f.Placement.PlaceAsync(Actors.Organiser, proposal.Id, f.SmallRoom, f.Morning)).Value!.SessionId;
        await f.Interest.MarkInterestAsync(session, "Ann", "ann@devon.gov.uk");
        await f.Interest.MarkInterestAsync(session, "Ivy", "ivy@example.com");
        (await holders.GetAsync(ann))!.Proposals.Single().Moved.ShouldBeNull();
        f.Clock.Advance(TimeSpan.FromMinutes(5));

        (await f.Placement.MoveAsync(Actors.Organiser, session, f.Hall, f.Morning)).Succeeded.ShouldBeTrue();

        await using var db = f.Database.CreateDbContext();
        var messages = await db.Set<OutboxMessage>().Where(m => m.Template != OpenSpaceEmailTemplates.NotesLink).OrderBy(m => m.Id).ToListAsync();
        messages.Select(m => (m.Template, m.ToEmail)).ShouldBe(
        [
            (OpenSpaceEmailTemplates.ConvenerSessionMoved, "ann@devon.gov.uk"),
            (OpenSpaceEmailTemplates.SessionMoved, "ivy@example.com"),
        ]);
        var view = (await holders.GetAsync(ann))!.Proposals.Single();
        view.Where.ShouldStartWith("On the board: Hall");
        view.Moved.ShouldBe($"Moved by the facilitators at {EventTime.FormatClock(f.Clock.GetUtcNow().UtcDateTime, EventTime.DefaultTimeZoneId)}: Moved from Small room to Hall");
    }

    private static async Task<List<OutboxMessage>> MovedMessagesAsync(BoardFixture f)
    {
        await using var db = f.Database.CreateDbContext();
        return await db.Set<OutboxMessage>().Where(m => m.Template == OpenSpaceEmailTemplates.ConvenerSessionMoved).OrderBy(m => m.Id).ToListAsync();
    }
}
