using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Putting sessions on the board: placing a queued proposal, moving, swapping and pinning, with each session's history.
/// Every change needs a role that runs the event's board (<see cref="BoardGuards"/>); people interested in a session
/// that moves are told through the outbox.
/// </summary>
public sealed class SessionPlacementService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal, ISessionNotesLinks notesLinks)
{
    /// <summary>Places a queued proposal into an empty (room, slot), creating its session.</summary>
    public async Task<Outcome<BoardChangeResult>> PlaceAsync(Actor actor, int proposalId, int roomId, int slotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.QueuedAsync(db, actor, proposalId, ct);
        if (!guarded.Ok)
        {
            return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
        }

        var proposal = guarded.Row;

        var target = await LoadTargetAsync(db, proposal.EventId, roomId, slotId, ct);
        if (target is null)
        {
            return Outcome<BoardChangeResult>.NotFound(OpenSpaceErrors.NotFound);
        }

        if (await IsCellTakenAsync(db, target.Value.Room, target.Value.Slot, movingSessionId: null, ct))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CellTakenForProposal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = new Session
        {
            EventId = proposal.EventId,
            RoomId = roomId,
            Title = proposal.Title,
            Description = proposal.Description,
            Speakers = proposal.ConvenerName,
            StartUtc = target.Value.Slot.StartUtc,
            EndUtc = target.Value.Slot.EndUtc,
        };
        db.Sessions.Add(session);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Add(new BoardCell
            {
                SessionId = session.Id,
                EventId = proposal.EventId,
                RoomId = roomId,
                SlotId = slotId,
                ConvenerName = proposal.ConvenerName,
                UpdatedUtc = now,
            });
            proposal.Status = ProposalStatus.Placed;
            proposal.SessionId = session.Id;
            db.Add(BoardNotices.History(session.Id, SessionHistoryKind.Placed, proposal.Title, proposal.ConvenerName,
                $"Placed in {target.Value.Room.Name}", actor, now));
            await db.SaveChangesAsync(ct);
            if (proposal.ConvenerEmail is { } email)
            {
                // A walk-in asked for the notes link: it goes out in the same transaction as the placing.
                var notesToken = await notesLinks.MintForMailAsync(db, session, OpenSpaceEmailTemplates.NotesLink, ct);
                Outbox.Enqueue(db, OpenSpaceEmailTemplates.NotesLink, email, proposal.ConvenerName, new NotesLinkPayload
                {
                    RecipientName = proposal.ConvenerName, SessionTitle = session.Title, Room = target.Value.Room.Name,
                    StartUtc = session.StartUtc, EndUtc = session.EndUtc, NotesToken = notesToken,
                }, now, proposal.EventId);
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CellTakenForProposal);
        }

        var warnings = await BoardWarnings.ForAsync(db, session.Id, ct);
        signal.Publish(proposal.EventId, LiveTopics.Board);
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(session.Id, warnings));
    }

    /// <summary>Moves a board session to an empty (room, slot). Pinned sessions stay put.</summary>
    public async Task<Outcome<BoardChangeResult>> MoveAsync(Actor actor, int sessionId, int roomId, int slotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.CellAsync(db, actor, sessionId, movable: true, ct);
        if (!guarded.Ok)
        {
            return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
        }

        var cell = guarded.Row;

        if (cell.RoomId == roomId && cell.SlotId == slotId)
        {
            return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sessionId, await BoardWarnings.ForAsync(db, sessionId, ct)));
        }

        var target = await LoadTargetAsync(db, cell.EventId, roomId, slotId, ct);
        if (target is null)
        {
            return Outcome<BoardChangeResult>.NotFound(OpenSpaceErrors.NotFound);
        }

        if (await OverflowLinks.KeepsSlotAsync(db, cell, slotId, ct) is { } apart)
        {
            return Outcome<BoardChangeResult>.Refused(apart);
        }

        if (await IsCellTakenAsync(db, target.Value.Room, target.Value.Slot, sessionId, ct))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CellTaken);
        }

        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, ct);
        var before = await BoardNotices.DescribeAsync(db, session, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Relocate(cell, session, target.Value.Room, target.Value.Slot, now);
        db.Add(BoardNotices.History(sessionId, SessionHistoryKind.Moved, session.Title, cell.ConvenerName,
            $"Moved from {before.Room} to {target.Value.Room.Name}", actor, now));
        await BoardNotices.TellInterestedAsync(db, session, before, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceErrors.CellTaken);
        }

        var warnings = await BoardWarnings.ForAsync(db, sessionId, ct);
        signal.Publish(cell.EventId, LiveTopics.Board);
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sessionId, warnings));
    }

    /// <summary>Swaps the places of two board sessions (say, to give the popular one the bigger room).</summary>
    public async Task<Outcome<BoardChangeResult>> SwapAsync(Actor actor, int firstSessionId, int secondSessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.PairAsync(db, actor, firstSessionId, secondSessionId, firstMayBePinned: false, ct);
        if (!guarded.Ok)
        {
            return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
        }

        var (a, b) = guarded.Row;
        if ((await OverflowLinks.KeepsSlotAsync(db, a, b.SlotId, ct) ?? await OverflowLinks.KeepsSlotAsync(db, b, a.SlotId, ct)) is { } apart)
        {
            return Outcome<BoardChangeResult>.Refused(apart);
        }

        var sessions = await db.Sessions.Where(s => s.Id == firstSessionId || s.Id == secondSessionId).ToListAsync(ct);
        var sa = sessions.First(s => s.Id == firstSessionId);
        var sb = sessions.First(s => s.Id == secondSessionId);
        var roomA = await db.Rooms.FirstAsync(r => r.Id == a.RoomId, ct);
        var roomB = await db.Rooms.FirstAsync(r => r.Id == b.RoomId, ct);
        var slotA = await db.Set<BoardSlot>().FirstAsync(s => s.Id == a.SlotId, ct);
        var slotB = await db.Set<BoardSlot>().FirstAsync(s => s.Id == b.SlotId, ct);
        var beforeA = await BoardNotices.DescribeAsync(db, sa, ct);
        var beforeB = await BoardNotices.DescribeAsync(db, sb, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // The unique (room, slot) index is checked per statement, so A steps off the board while B takes its place.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var convenerA = a.ConvenerName;
        db.Remove(a);
        await db.SaveChangesAsync(ct);
        Relocate(b, sb, roomA, slotA, now);
        await db.SaveChangesAsync(ct);
        var newA = new BoardCell { SessionId = sa.Id, EventId = b.EventId, RoomId = roomB.Id, SlotId = slotB.Id, ConvenerName = convenerA, UpdatedUtc = now };
        db.Add(newA);
        Relocate(newA, sa, roomB, slotB, now);
        db.Add(BoardNotices.History(sa.Id, SessionHistoryKind.Moved, sa.Title, convenerA, $"Swapped with \"{sb.Title}\": now in {roomB.Name}", actor, now));
        db.Add(BoardNotices.History(sb.Id, SessionHistoryKind.Moved, sb.Title, b.ConvenerName, $"Swapped with \"{sa.Title}\": now in {roomA.Name}", actor, now));
        await BoardNotices.TellInterestedAsync(db, sa, beforeA, now, ct);
        await BoardNotices.TellInterestedAsync(db, sb, beforeB, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var warnings = (await BoardWarnings.ForAsync(db, sa.Id, ct)).Concat(await BoardWarnings.ForAsync(db, sb.Id, ct)).Distinct().ToList();
        signal.Publish(a.EventId, LiveTopics.Board);
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sa.Id, warnings));
    }

    public async Task<Outcome<BoardChangeResult>> SetPinnedAsync(Actor actor, int sessionId, bool pinned, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.CellAsync(db, actor, sessionId, movable: false, ct);
        if (!guarded.Ok)
        {
            return Outcome<BoardChangeResult>.Refused(guarded.Refusal);
        }

        var cell = guarded.Row;

        if (cell.IsPinned != pinned)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var title = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).FirstAsync(ct);
            cell.IsPinned = pinned;
            cell.UpdatedUtc = now;
            db.Add(BoardNotices.History(sessionId, pinned ? SessionHistoryKind.Pinned : SessionHistoryKind.Unpinned, title, cell.ConvenerName,
                pinned ? "Pinned" : "Unpinned", actor, now));
            await db.SaveChangesAsync(ct);
            signal.Publish(cell.EventId, LiveTopics.Board);
        }

        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sessionId, await BoardWarnings.ForAsync(db, sessionId, ct)));
    }

    /// <summary>What happened to a session on the board, and who did it: for its event's team only (empty otherwise).</summary>
    public async Task<IReadOnlyList<SessionHistoryEntry>> GetHistoryAsync(Actor actor, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (int?)s.EventId).FirstOrDefaultAsync(ct);
        if (eventId is null || await BoardGuards.EventAsync(db, actor, eventId.Value, Permission.See, ct) is not null)
        {
            return [];
        }

        return await db.Set<SessionHistoryEntry>().AsNoTracking().Where(h => h.SessionId == sessionId)
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToListAsync(ct);
    }

    internal static async Task<(Room Room, BoardSlot Slot)?> LoadTargetAsync(EventHubDbContext db, int eventId, int roomId, int slotId, CancellationToken ct)
    {
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId && r.EventId == eventId, ct);
        var slot = await db.Set<BoardSlot>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.EventId == eventId, ct);
        return room is null || slot is null ? null : (room, slot);
    }

    /// <summary>The service check in front of the unique index: another board session, or a fixed talk, in that room then.</summary>
    internal static async Task<bool> IsCellTakenAsync(EventHubDbContext db, Room room, BoardSlot slot, int? movingSessionId, CancellationToken ct)
    {
        if (await db.Set<BoardCell>().AnyAsync(c => c.RoomId == room.Id && c.SlotId == slot.Id && c.SessionId != movingSessionId, ct))
        {
            return true;
        }

        var boardSessions = db.Set<BoardCell>().Select(c => c.SessionId);
        return await db.Sessions.AnyAsync(s => s.RoomId == room.Id && s.Id != movingSessionId && !boardSessions.Contains(s.Id)
            && s.StartUtc < slot.EndUtc && slot.StartUtc < s.EndUtc, ct);
    }

    private static void Relocate(BoardCell cell, Session session, Room room, BoardSlot slot, DateTime now)
    {
        cell.RoomId = room.Id;
        cell.SlotId = slot.Id;
        cell.UpdatedUtc = now;
        session.RoomId = room.Id;
        session.StartUtc = slot.StartUtc;
        session.EndUtc = slot.EndUtc;
    }
}
