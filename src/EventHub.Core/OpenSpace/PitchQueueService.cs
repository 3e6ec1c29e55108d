using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>The pitch queue: proposals wait here, in the order they were pitched, until a facilitator places them.</summary>
public sealed class PitchQueueService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal)
{
    /// <summary>
    /// Adds a proposal to the end of the queue. Not public: the caller must have established who is proposing —
    /// <see cref="ProposeOnBehalfAsync"/> (an organiser at the pitch desk) or <see cref="TicketHolderBoardService"/>
    /// (a confirmed ticket holder, by their manage link) or <see cref="WalkInPitchService"/> (anyone, when the event lets walk-ins pitch).
    /// </summary>
    internal async Task<Outcome<BoardProposal>> ProposeAsync(int eventId, ProposalInput input, string proposerName, int? proposerBookingId = null,
        ProposalStatus status = ProposalStatus.Queued, string? convenerEmail = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = OpenSpaceRules.ValidateProposal(input);
        if (errors.Count > 0)
        {
            return Outcome<BoardProposal>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null || ev.Kind == EventKind.Forum)
        {
            return Outcome<BoardProposal>.NotFound(OpenSpaceErrors.NoProposals);
        }

        var last = await db.Set<Proposal>().Where(p => p.EventId == eventId).MaxAsync(p => (int?)p.QueueOrder, ct) ?? 0;
        var proposal = new Proposal
        {
            EventId = eventId,
            Title = input.Title!.Trim(),
            ConvenerName = input.ConvenerName!.Trim(),
            Description = (input.Description ?? string.Empty).Trim(),
            QueueOrder = last + 1,
            Status = status,
            ConvenerEmail = convenerEmail,
            CreditByName = input.CreditByName,
            ProposedBy = OpenSpaceRules.Truncate(proposerName.Trim(), OpenSpaceRules.MaxNameLength),
            ProposerBookingId = proposerBookingId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(proposal);
        await db.SaveChangesAsync(ct);
        signal.Publish(eventId, LiveTopics.Board);
        return Outcome<BoardProposal>.Ok(new BoardProposal(proposal.Id, proposal.Title, proposal.ConvenerName, proposal.Description, proposal.QueueOrder));
    }

    /// <summary>A facilitator or a volunteer at the pitch desk (the door team may) proposes on someone's behalf.</summary>
    public async Task<Outcome<BoardProposal>> ProposeOnBehalfAsync(Actor actor, int eventId, ProposalInput input, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await BoardGuards.EventAsync(db, actor, eventId, Permission.PitchDesk, ct) is { } refusal)
            {
                return Outcome<BoardProposal>.Refused(refusal);
            }
        }

        return await ProposeAsync(eventId, input, actor.DisplayName, ct: ct);
    }

    public async Task<Outcome<bool>> WithdrawAsync(Actor actor, int proposalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.QueuedAsync(db, actor, proposalId, ct);
        if (!guarded.Ok)
        {
            return Outcome<bool>.Refused(guarded.Refusal);
        }

        var proposal = guarded.Row;
        proposal.Status = ProposalStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
        signal.Publish(proposal.EventId, LiveTopics.Board);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Moves a queued proposal one place earlier (<paramref name="offset"/> -1) or later (+1) in the pitch queue by
    /// swapping its position with its neighbour. At the top or bottom it stays where it is.
    /// </summary>
    public async Task<Outcome<bool>> MoveInQueueAsync(Actor actor, int proposalId, int offset, CancellationToken ct = default)
    {
        if (offset is not (-1 or 1))
        {
            return Outcome<bool>.Refused(OpenSpaceErrors.OneStep, "Offset");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.QueuedAsync(db, actor, proposalId, ct);
        if (!guarded.Ok)
        {
            return Outcome<bool>.Refused(guarded.Refusal);
        }

        var proposal = guarded.Row;

        // Ties in QueueOrder are broken by id, as the board reads them, so renumber the whole queue while swapping.
        var eventId = proposal.EventId;
        var queue = await db.Set<Proposal>().Where(p => p.EventId == eventId && p.Status == ProposalStatus.Queued)
            .OrderBy(p => p.QueueOrder).ThenBy(p => p.Id).ToListAsync(ct);
        var index = queue.FindIndex(p => p.Id == proposalId);
        var target = index + offset;
        if (target < 0 || target >= queue.Count)
        {
            return Outcome<bool>.Ok(false);
        }

        (queue[index], queue[target]) = (queue[target], queue[index]);
        var first = queue.Min(p => p.QueueOrder);
        for (var i = 0; i < queue.Count; i++)
        {
            queue[i].QueueOrder = first + i;
        }

        await db.SaveChangesAsync(ct);
        signal.Publish(eventId, LiveTopics.Board);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// The marketplace moves on: the proposal being pitched now is marked as pitched (it stays in the queue to be placed)
    /// and the next one still to pitch becomes "now pitching" on the projector.
    /// </summary>
    public async Task<Outcome<PitchTurn>> AdvancePitchAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!actor.IsOrganiser)
        {
            return Outcome<PitchTurn>.Refused(OpenSpaceErrors.Forbidden);
        }

        if (await BoardGuards.EventAsync(db, actor, eventId, BoardGuards.RunBoard, ct) is { } refusal)
        {
            return Outcome<PitchTurn>.Refused(refusal);
        }

        var waiting = await db.Set<Proposal>().Where(p => p.EventId == eventId && p.Status == ProposalStatus.Queued && p.PitchedUtc == null)
            .OrderBy(p => p.QueueOrder).ThenBy(p => p.Id).Take(2).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return Outcome<PitchTurn>.Refused(OpenSpaceErrors.NobodyToPitch);
        }

        waiting[0].PitchedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        signal.Publish(eventId, LiveTopics.Board);
        return Outcome<PitchTurn>.Ok(new PitchTurn(waiting[0].Title, waiting.Count > 1 ? waiting[1].Title : null));
    }
}
