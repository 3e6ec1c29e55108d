using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Overflow rooms: a session too popular for its room also runs in a free room of the same slot, as a linked copy.
/// The copy is a session of its own with its own notes page, write-ups and interest (two groups in two rooms have two
/// conversations; one shared notes page would have them typing over each other), and both cards name the other room.
/// A session and its copies stay in one slot: either may move to another room of that slot, not to another time
/// (<see cref="OverflowLinks.KeepsSlotAsync"/>). Removing the copy merges it back into its session, record and all.
/// </summary>
public sealed class OverflowRoomService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal, SessionMergeService merging)
{
    /// <summary>
    /// Places a linked copy of a board session in the empty (room, slot), which must be the session's own slot. Its
    /// convener and everyone interested are told, as for a move.
    /// </summary>
    public async Task<Outcome<BoardChangeResult>> DuplicateAsync(Actor actor, int sessionId, int roomId, int slotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.CellAsync(db, actor, sessionId, movable: false, ct);
        if (!guarded.Ok)
        {
            return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
        }

        // A copy of a copy is another copy of the same session.
        var originalId = guarded.Row.CopyOfSessionId ?? guarded.Row.SessionId;
        var original = guarded.Row.CopyOfSessionId is null
            ? guarded.Row
            : await db.Set<BoardCell>().AsNoTracking().FirstAsync(c => c.SessionId == originalId, ct);
        if (slotId != original.SlotId)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CopySameSlot);
        }

        if (await SessionPlacementService.LoadTargetAsync(db, original.EventId, roomId, slotId, ct) is not { } target)
        {
            return Outcome<BoardChangeResult>.NotFound(OpenSpaceErrors.NotFound);
        }

        if (await SessionPlacementService.IsCellTakenAsync(db, target.Room, target.Slot, movingSessionId: null, ct))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CellTakenForCopy);
        }

        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == originalId, ct);
        var before = await BoardNotices.DescribeAsync(db, session, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var copy = new Session
        {
            EventId = session.EventId, RoomId = roomId, Title = session.Title, Description = session.Description,
            Speakers = session.Speakers, StartUtc = session.StartUtc, EndUtc = session.EndUtc,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Sessions.Add(copy);
            await db.SaveChangesAsync(ct);
            db.Add(new BoardCell
            {
                SessionId = copy.Id, EventId = session.EventId, RoomId = roomId, SlotId = slotId,
                ConvenerName = original.ConvenerName, CopyOfSessionId = originalId, UpdatedUtc = now,
            });
            db.Add(BoardNotices.History(originalId, SessionHistoryKind.Overflow, session.Title, original.ConvenerName,
                $"Also in {target.Room.Name} (an overflow room with its own notes)", actor, now));
            db.Add(BoardNotices.History(copy.Id, SessionHistoryKind.Overflow, session.Title, original.ConvenerName,
                $"Overflow room for the session in {before.Room}", actor, now));
            await BoardNotices.TellAsync(db, session, before: null, new SessionPlace($"{before.Room} and {target.Room.Name} (overflow)", session.StartUtc),
                OpenSpaceEmailTemplates.ConvenerSessionOverflow, OpenSpaceEmailTemplates.SessionOverflow, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CellTakenForCopy);
        }

        signal.Publish(session.EventId, LiveTopics.Board);
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(copy.Id, await BoardWarnings.ForAsync(db, copy.Id, ct)));
    }

    /// <summary>
    /// Closes an overflow room: the copy is merged back into its session (its notes, write-ups, materials and interest
    /// join it; the session's title and convener stay), and those interested in the copy are told where it is now.
    /// </summary>
    public async Task<Outcome<BoardChangeResult>> RemoveCopyAsync(Actor actor, int sessionId, CancellationToken ct = default)
    {
        int? originalId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var guarded = await BoardGuards.CellAsync(db, actor, sessionId, movable: false, ct);
            if (!guarded.Ok)
            {
                return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
            }

            originalId = guarded.Row.CopyOfSessionId;
        }

        return originalId is { } id
            ? await merging.MergeAsync(actor, id, sessionId, ct)
            : Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.NotACopy);
    }
}
