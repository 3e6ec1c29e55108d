using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Merging two board sessions into one: titles, conveners, history and interest follow the session that stays,
/// and every <see cref="ISessionMergeObserver"/> (Proceedings: the session's record) moves its own rows in the same
/// transaction.
/// </summary>
public sealed class SessionMergeService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal, IEnumerable<ISessionMergeObserver> observers)
{
    /// <summary>
    /// Merges the second session into the first: the first keeps its cell, takes both titles and conveners, and
    /// the history keeps each original title and convener. People interested in the second are told.
    /// </summary>
    public async Task<Outcome<BoardChangeResult>> MergeAsync(Actor actor, int keepSessionId, int absorbSessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.PairAsync(db, actor, keepSessionId, absorbSessionId, firstMayBePinned: true, ct);
        if (!guarded.Ok)
        {
            return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
        }

        var (keepCell, goneCell) = guarded.Row;

        var keep = await db.Sessions.FirstAsync(s => s.Id == keepSessionId, ct);
        var gone = await db.Sessions.FirstAsync(s => s.Id == absorbSessionId, ct);

        // An overflow copy merged into its own session closes the overflow room: the title and convener stay as they
        // are. A session that still has overflow copies cannot be merged away, or its copies would lose their session.
        var closesOverflow = goneCell.CopyOfSessionId == keepCell.SessionId;
        if (!closesOverflow && await db.Set<BoardCell>().AnyAsync(c => c.CopyOfSessionId == goneCell.SessionId, ct))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.LinkedMerge(gone.Title, OverflowLinks.Say(await OverflowLinks.OtherRoomsAsync(db, goneCell, ct))));
        }

        var goneBefore = await BoardNotices.DescribeAsync(db, gone, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (closesOverflow)
        {
            db.Add(BoardNotices.History(keep.Id, SessionHistoryKind.Overflow, keep.Title, keepCell.ConvenerName,
                $"Overflow room {goneBefore.Room} closed: its notes, write-ups and interest joined this session", actor, now));
        }
        else
        {
            db.Add(BoardNotices.History(keep.Id, SessionHistoryKind.MergedIn, keep.Title, keepCell.ConvenerName, "Kept its place in a merge", actor, now));
            db.Add(BoardNotices.History(keep.Id, SessionHistoryKind.MergedIn, gone.Title, goneCell.ConvenerName, $"Merged in from {goneBefore.Room}", actor, now));
            keep.Title = OpenSpaceRules.Truncate(keep.Title + " + " + gone.Title, OpenSpaceRules.MaxTitleLength);
            keepCell.ConvenerName = OpenSpaceRules.Truncate(keepCell.ConvenerName + ", " + goneCell.ConvenerName, OpenSpaceRules.MaxNameLength);
            keep.Speakers = OpenSpaceRules.Truncate(keepCell.ConvenerName, EventRules.MaxSpeakersLength);
        }

        await db.Set<SessionHistoryEntry>().Where(h => h.SessionId == gone.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(h => h.SessionId, keep.Id), ct);
        keepCell.UpdatedUtc = now;

        // Interest follows the session; people already interested in both are counted once.
        var keepEmails = await db.Set<InterestMark>().Where(i => i.SessionId == keep.Id).Select(i => i.Email).ToListAsync(ct);
        var goneMarks = await db.Set<InterestMark>().Where(i => i.SessionId == gone.Id).ToListAsync(ct);
        foreach (var mark in goneMarks)
        {
            // People who chose the overflow room are told where the session is now, as for a move.
            BoardNotices.Notify(db, closesOverflow ? OpenSpaceEmailTemplates.SessionMoved : OpenSpaceEmailTemplates.SessionMerged, mark, gone, goneBefore,
                await BoardNotices.DescribeAsync(db, keep, ct), closesOverflow ? null : keep.Title, now);
            if (keepEmails.Contains(mark.Email))
            {
                db.Remove(mark);
            }
            else
            {
                mark.SessionId = keep.Id;
            }
        }

        foreach (var proposal in await db.Set<Proposal>().Where(p => p.SessionId == gone.Id).ToListAsync(ct))
        {
            proposal.Status = ProposalStatus.Merged;
            proposal.SessionId = keep.Id;
        }

        foreach (var observer in observers)
        {
            await observer.SessionMergingAsync(db, gone, keep, ct);
        }

        await db.SaveChangesAsync(ct);
        db.Remove(goneCell);
        db.Remove(gone);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var warnings = await BoardWarnings.ForAsync(db, keep.Id, ct);
        signal.Publish(keepCell.EventId, LiveTopics.Board);
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(keep.Id, warnings));
    }
}
