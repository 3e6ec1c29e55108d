using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// The board as everyone sees it (rooms across, time slots down, the pitch queue beside), and its time slots.
/// Reading is public for a public event (a draft's board only its team's); adding or removing a slot needs a role
/// that runs the board.
/// </summary>
public sealed class BoardLayoutService(IDbContextFactory<EventHubDbContext> dbFactory, ILiveSignal signal, ISessionNotesLinks notesLinks)
{
    /// <summary>The board of a public event (or any event for an organiser); null when there is none to show.</summary>
    public async Task<BoardView?> GetBoardAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        return ev is not null && await MayReadAsync(db, actor, ev, ct) ? await LoadBoardAsync(db, ev, ct) : null;
    }

    public async Task<BoardView?> GetBoardAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        return ev is not null && await MayReadAsync(db, actor, ev, ct) ? await LoadBoardAsync(db, ev, ct) : null;
    }

    /// <summary>A public event's board is everyone's; a draft's only its team's.</summary>
    private static async Task<bool> MayReadAsync(EventHubDbContext db, Actor actor, Event ev, CancellationToken ct) =>
        ev.IsPublic || await BoardGuards.EventAsync(db, actor, ev.Id, Permission.See, ct) is null;

    private static async Task<BoardView> LoadBoardAsync(EventHubDbContext db, Event ev, CancellationToken ct)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == ev.Id).OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new BoardRoom(r.Id, r.Name, r.Capacity, r.AccessibilityNotes)).ToListAsync(ct);
        var slots = await db.Set<BoardSlot>().AsNoTracking().Where(s => s.EventId == ev.Id).OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .Select(s => new BoardSlotView(s.Id, s.StartUtc, s.EndUtc)).ToListAsync(ct);
        var cells = await db.Set<BoardCell>().AsNoTracking().Where(c => c.EventId == ev.Id).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == ev.Id).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var interest = await db.Set<InterestMark>().AsNoTracking().Where(i => sessionIds.Contains(i.SessionId))
            .GroupBy(i => i.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var queue = await db.Set<Proposal>().AsNoTracking().Where(p => p.EventId == ev.Id && p.Status == ProposalStatus.Queued)
            .OrderBy(p => p.QueueOrder).ThenBy(p => p.Id)
            .Select(p => new BoardProposal(p.Id, p.Title, p.ConvenerName, p.Description, p.QueueOrder, p.PitchedUtc != null)).ToListAsync(ct);

        var byId = sessions.ToDictionary(s => s.Id);
        var roomById = rooms.ToDictionary(r => r.Id);
        var views = new List<BoardCellView>();
        foreach (var cell in cells)
        {
            if (!byId.TryGetValue(cell.SessionId, out var session))
            {
                continue;
            }

            var count = interest.GetValueOrDefault(cell.SessionId);
            var warnings = new List<string>();

            // A session and its overflow copies share a convener and their rooms' places; each card names the others' rooms.
            var family = cells.Where(o => Family(o) == Family(cell) && roomById.ContainsKey(o.RoomId))
                .Select(o => (o.SessionId, Room: roomById[o.RoomId])).OrderBy(o => rooms.IndexOf(o.Room)).ToList();
            var clash = OpenSpaceRules.ConvenerClash(cell.ConvenerName,
                cells.Where(o => o.SlotId == cell.SlotId && byId.ContainsKey(o.SessionId) && Family(o) != Family(cell))
                    .Select(o => (o.SessionId, o.ConvenerName, byId[o.SessionId].Title)),
                cell.SessionId);
            if (clash is not null)
            {
                warnings.Add(clash);
            }

            if (OpenSpaceRules.InterestOverCapacity(session.Title, count, OverflowLinks.Places(family.Select(f => f.Room.Capacity)),
                    OverflowLinks.Say([.. family.Select(f => f.Room.Name)])) is { } over)
            {
                warnings.Add(over);
            }

            views.Add(new BoardCellView(cell.SessionId, cell.RoomId, cell.SlotId, session.Title, cell.ConvenerName,
                session.Description, cell.IsPinned, false, count, warnings)
            {
                AlsoIn = [.. family.Where(f => f.SessionId != cell.SessionId).Select(f => f.Room.Name)],
                IsOverflowCopy = cell.CopyOfSessionId is not null,
            });
        }

        // Fixed sessions (talks in a Hybrid event) that sit exactly in a room and slot show on the same grid.
        var placed = cells.Select(c => c.SessionId).ToHashSet();
        foreach (var session in sessions.Where(s => !placed.Contains(s.Id) && s.RoomId is not null))
        {
            var slot = slots.FirstOrDefault(sl => sl.StartUtc < session.EndUtc && session.StartUtc < sl.EndUtc);
            if (slot is not null && !views.Any(v => v.RoomId == session.RoomId && v.SlotId == slot.Id))
            {
                views.Add(new BoardCellView(session.Id, session.RoomId!.Value, slot.Id, session.Title, session.Speakers,
                    session.Description, true, true, interest.GetValueOrDefault(session.Id), []));
            }
        }

        return new BoardView(ev.Id, ev.Slug, ev.Title, ev.TimeZoneId, rooms, slots, views, queue);
    }

    private static int Family(BoardCell cell) => cell.CopyOfSessionId ?? cell.SessionId;

    /// <summary>
    /// A notes link of its own for whoever takes the notes of a session placed on the board (the board's cards lead here
    /// through a button, so a mail scanner following the card's link mints nothing). Anyone who may read the board may
    /// take its sessions' notes; only the link's hash is kept.
    /// </summary>
    public async Task<Outcome<string>> TakeNotesAsync(Actor actor, string slug, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (ev, session) = await PlacedSessionAsync(db, actor, slug, sessionId, ct);
        if (ev is null)
        {
            return Outcome<string>.Refused(OpenSpaceErrors.NotFound);
        }

        if (session is null)
        {
            return Outcome<string>.Refused(OpenSpaceErrors.NotOnBoard);
        }

        var token = await notesLinks.MintForMailAsync(db, session, NotesFromTheBoard, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(token);
    }

    /// <summary>
    /// What the take-notes page shows about a session placed on the board, read without the rest of the board; null
    /// when the actor may not read the board or the session is not placed on it.
    /// </summary>
    public async Task<BoardNotesTarget?> NotesTargetAsync(Actor actor, string slug, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (ev, session) = await PlacedSessionAsync(db, actor, slug, sessionId, ct);
        if (ev is null || session is null)
        {
            return null;
        }

        var cell = await db.Set<BoardCell>().AsNoTracking().FirstAsync(c => c.SessionId == session.Id, ct);
        var room = await db.Rooms.Where(r => r.Id == cell.RoomId).Select(r => r.Name).FirstAsync(ct);
        return new BoardNotesTarget(ev.Slug, ev.Title, session.Title, room, await OverflowLinks.OtherRoomsAsync(db, cell, ct));
    }

    /// <summary>The event (null when the actor may not read its board) and the session of it placed on the board (null when it is not).</summary>
    private static async Task<(Event? Event, Session? Session)> PlacedSessionAsync(EventHubDbContext db, Actor actor, string slug, int sessionId, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (ev is null || !await MayReadAsync(db, actor, ev, ct))
        {
            return (null, null);
        }

        var session = await db.Sessions.FirstOrDefaultAsync(
            s => s.Id == sessionId && s.EventId == ev.Id && db.Set<BoardCell>().Any(c => c.SessionId == s.Id), ct);
        return (ev, session);
    }

    /// <summary>What a notes link minted from the board is for (kept beside its hash).</summary>
    public const string NotesFromTheBoard = "board";

    public async Task<Outcome<BoardSlotView>> AddSlotAsync(Actor actor, int eventId, DateTime startUtc, DateTime endUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await BoardGuards.EventAsync(db, actor, eventId, BoardGuards.RunBoard, ct) is { } refusal)
        {
            return Outcome<BoardSlotView>.Refused(refusal);
        }

        if (endUtc <= startUtc)
        {
            return Outcome<BoardSlotView>.Refused(OpenSpaceErrors.SlotTimes, "EndUtc");
        }

        if (await db.Set<BoardSlot>().AnyAsync(s => s.EventId == eventId && s.StartUtc < endUtc && startUtc < s.EndUtc, ct))
        {
            return Outcome<BoardSlotView>.Refused(OpenSpaceErrors.SlotOverlap, "StartUtc");
        }

        var slot = new BoardSlot { EventId = eventId, StartUtc = startUtc, EndUtc = endUtc };
        db.Add(slot);
        await db.SaveChangesAsync(ct);
        signal.Publish(eventId, LiveTopics.Board);
        return Outcome<BoardSlotView>.Ok(new BoardSlotView(slot.Id, slot.StartUtc, slot.EndUtc));
    }

    /// <summary>Removes an empty slot; a slot with sessions in it is refused so nothing placed is lost.</summary>
    public async Task<Outcome<bool>> RemoveSlotAsync(Actor actor, int slotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var guarded = await BoardGuards.SlotAsync(db, actor, slotId, ct);
        if (!guarded.Ok)
        {
            return Outcome<bool>.Refused(guarded.Refusal);
        }

        var slot = guarded.Row;

        if (await db.Set<BoardCell>().AnyAsync(c => c.SlotId == slotId, ct))
        {
            return Outcome<bool>.Refused(OpenSpaceErrors.SlotInUse);
        }

        db.Remove(slot);
        await db.SaveChangesAsync(ct);
        signal.Publish(slot.EventId, LiveTopics.Board);
        return Outcome<bool>.Ok(true);
    }
}
