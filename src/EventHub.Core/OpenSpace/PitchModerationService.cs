using System.Diagnostics;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>Those who run the board let walk-in pitches into the queue, or turn them down, when the event moderates them.</summary>
public sealed class PitchModerationService(IDbContextFactory<EventHubDbContext> dbFactory, ILiveSignal signal)
{
    /// <summary>Pitches waiting for an organiser, oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<BoardProposal>>> WaitingAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await BoardGuards.EventAsync(db, actor, eventId, BoardGuards.RunBoard, ct) is { } refusal)
        {
            return Outcome<IReadOnlyList<BoardProposal>>.Refused(refusal);
        }

        var waiting = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.EventId == eventId && p.Status == ProposalStatus.AwaitingModeration)
            .OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id)
            .Select(p => new BoardProposal(p.Id, p.Title, p.ConvenerName, p.Description, p.QueueOrder)).ToListAsync(ct);
        return Outcome<IReadOnlyList<BoardProposal>>.Ok(waiting);
    }

    /// <summary>Lets a pitch into the pitch queue, at its end.</summary>
    public Task<Outcome<bool>> ApproveAsync(Actor actor, int proposalId, CancellationToken ct = default) =>
        DecideAsync(actor, proposalId, ProposalStatus.Queued, ct);

    /// <summary>Turns a pitch down: it never reaches the queue.</summary>
    public Task<Outcome<bool>> RejectAsync(Actor actor, int proposalId, CancellationToken ct = default) =>
        DecideAsync(actor, proposalId, ProposalStatus.Withdrawn, ct);

    private async Task<Outcome<bool>> DecideAsync(Actor actor, int proposalId, ProposalStatus decision, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.ProposalAsync(db, actor, proposalId, ct);
        if (!guarded.Ok)
        {
            return Outcome<bool>.Refused(guarded.Refusal);
        }

        var proposal = guarded.Row;
        if (proposal.Status != ProposalStatus.AwaitingModeration)
        {
            return Outcome<bool>.Refused(OpenSpaceErrors.NotAwaitingModeration);
        }

        Debug.Assert(decision is ProposalStatus.Queued or ProposalStatus.Withdrawn, "A pitch is either let in or turned down.");
        if (decision == ProposalStatus.Queued)
        {
            var eventId = proposal.EventId;
            proposal.QueueOrder = (await db.Set<Proposal>().Where(p => p.EventId == eventId && p.Status == ProposalStatus.Queued)
                .MaxAsync(p => (int?)p.QueueOrder, ct) ?? 0) + 1;
        }

        proposal.Status = decision;
        await db.SaveChangesAsync(ct);
        signal.Publish(proposal.EventId, LiveTopics.Board);
        return Outcome<bool>.Ok(true);
    }
}
