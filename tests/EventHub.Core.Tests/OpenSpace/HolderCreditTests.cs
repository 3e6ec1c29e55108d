using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

/// <summary>A ticket holder who proposed sessions from their manage link and asked to be credited takes their name off them there.</summary>
public sealed class HolderCreditTests
{
    [Fact]
    public async Task A_ticket_holder_withdraws_their_name_from_their_proposals_and_it_shows_as_a_participant_on_the_board_and_the_record()
    {
        await using var f = await BoardFixture.CreateAsync();
        var ann = await TicketHolderBoardTests.HolderAsync(f, "Ann Attendee");
        var holders = new TicketHolderBoardService(f.Database, f.Queue, f.Interest, f.Clock);
        var credits = new CreditService(f.Database, new SessionConveners(new SessionNotesLinks(f.Clock), f.Clock));
        var placed = (await holders.ProposeAsync(ann, new ProposalInput("Chatbots for council tax", "Ann Attendee", null, CreditByName: true))).Value!;
        var queued = (await holders.ProposeAsync(ann, new ProposalInput("Libraries as labs", "Ann Attendee", null, CreditByName: true))).Value!;
        var session = (await f.Placement.PlaceAsync(Actors.Organiser, placed.Id, f.SmallRoom, f.Morning)).Value!.SessionId;
        var copy = (await f.Overflow.DuplicateAsync(Actors.Organiser, session, f.Hall, f.Morning)).Value!.SessionId;
        (await new NotesService(f.Database, f.Clock).SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, session),
            new NotesInput { Convener = "Ann Attendee", KeyPoints = "Bots need humans" })).Succeeded.ShouldBeTrue();
        (await holders.GetAsync(ann))!.Proposals.ShouldAllBe(p => p.CreditsMe);
        var other = await f.PlaceAsync("Someone else's", f.BigRoom, f.Afternoon, "Bo Other");

        var unconfirmed = await credits.WithdrawProposerNameAsync(ann, confirmed: false);
        var wrongLink = await credits.WithdrawProposerNameAsync(SecureTokens.New(), confirmed: true);
        var withdrawn = await credits.WithdrawProposerNameAsync(ann, confirmed: true);

        unconfirmed.Errors.Single().Message.ShouldBe(ProceedingsErrors.WithdrawNotConfirmed.Message);
        wrongLink.ErrorCode.ShouldBe(ErrorCodes.NotFound);
        withdrawn.Succeeded.ShouldBeTrue(withdrawn.Message);
        withdrawn.Value!.SessionIds.ShouldBe([session]);
        var board = (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!;
        board.Cells.Single(c => c.SessionId == session).ConvenerName.ShouldBe(Credit.Participant);
        board.Cells.Single(c => c.SessionId == copy).ConvenerName.ShouldBe(Credit.Participant);
        board.Cells.Single(c => c.SessionId == other).ConvenerName.ShouldBe("Bo Other");
        board.Queue.Single(p => p.Id == queued.Id).ConvenerName.ShouldBe(Credit.Participant);
        (await holders.GetAsync(ann))!.Proposals.ShouldAllBe(p => !p.CreditsMe);
        await using var db = f.Database.CreateDbContext();
        (await db.Sessions.Where(s => s.Id == session || s.Id == copy).Select(s => s.Speakers).ToListAsync()).ShouldAllBe(n => n == Credit.Participant);
        (await db.Set<SessionNotes>().SingleAsync(n => n.SessionId == session)).Convener.ShouldBeEmpty();
        (await db.Set<SessionHistoryEntry>().Where(h => h.SessionId == session).Select(h => h.ConvenerName).ToListAsync()).ShouldAllBe(n => n == Credit.Participant);
        (await db.Set<Proposal>().Where(p => p.Id == placed.Id || p.Id == queued.Id).ToListAsync()).ShouldAllBe(p => p.ConvenerName == Credit.Participant && !p.CreditByName);
    }
}
