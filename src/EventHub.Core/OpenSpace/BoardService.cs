using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// The Open Space board: slots, the pitch queue, and placing, moving, swapping, merging and pinning sessions.
/// Reading is public; every change needs an organiser or facilitator (<see cref="Actor.IsOrganiser"/>).
/// </summary>
public sealed class BoardService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BoardChanges changes)
{
    // ---- Reading ----

    /// <summary>The board of a public event (or any event for an organiser); null when there is none to show.</summary>
    public async Task<BoardView?> GetBoardAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (ev is null || (!ev.IsPublic && !actor.IsOrganiser))
        {
            return null;
        }

        return await LoadBoardAsync(db, ev, ct);
    }

    public async Task<BoardView?> GetBoardAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null || (!ev.IsPublic && !actor.IsOrganiser))
        {
            return null;
        }

        return await LoadBoardAsync(db, ev, ct);
    }

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
            .Select(p => new BoardProposal(p.Id, p.Title, p.ConvenerName, p.Description, p.QueueOrder)).ToListAsync(ct);

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
            var clash = OpenSpaceRules.ConvenerClash(cell.ConvenerName,
                cells.Where(o => o.SlotId == cell.SlotId && byId.ContainsKey(o.SessionId)).Select(o => (o.SessionId, o.ConvenerName, byId[o.SessionId].Title)),
                cell.SessionId);
            if (clash is not null)
            {
                warnings.Add(clash);
            }

            if (roomById.TryGetValue(cell.RoomId, out var room) &&
                OpenSpaceRules.InterestOverCapacity(session.Title, count, room.Capacity, room.Name) is { } over)
            {
                warnings.Add(over);
            }

            views.Add(new BoardCellView(cell.SessionId, cell.RoomId, cell.SlotId, session.Title, cell.ConvenerName,
                session.Description, cell.IsPinned, false, count, warnings));
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

    // ---- Slots ----

    public async Task<Outcome<BoardSlotView>> AddSlotAsync(Actor actor, int eventId, DateTime startUtc, DateTime endUtc, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<BoardSlotView>.Refused(ErrorCodes.Forbidden, OpenSpaceMessages.ForbiddenText);
        }

        if (endUtc <= startUtc)
        {
            return Outcome<BoardSlotView>.Invalid("EndUtc", OpenSpaceMessages.SlotTimesText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome<BoardSlotView>.Refused(ErrorCodes.NotFound, OpenSpaceMessages.NotFoundText);
        }

        if (await db.Set<BoardSlot>().AnyAsync(s => s.EventId == eventId && s.StartUtc < endUtc && startUtc < s.EndUtc, ct))
        {
            return Outcome<BoardSlotView>.Invalid("StartUtc", OpenSpaceMessages.SlotOverlapText);
        }

        var slot = new BoardSlot { EventId = eventId, StartUtc = startUtc, EndUtc = endUtc };
        db.Add(slot);
        await db.SaveChangesAsync(ct);
        Publish(eventId, "slot-added");
        return Outcome<BoardSlotView>.Ok(new BoardSlotView(slot.Id, slot.StartUtc, slot.EndUtc));
    }

    /// <summary>Removes an empty slot; a slot with sessions in it is refused so nothing placed is lost.</summary>
    public async Task<Outcome<bool>> RemoveSlotAsync(Actor actor, int slotId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Refused(ErrorCodes.Forbidden, OpenSpaceMessages.ForbiddenText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slot = await db.Set<BoardSlot>().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null)
        {
            return Outcome<bool>.Refused(ErrorCodes.NotFound, OpenSpaceMessages.NotFoundText);
        }

        if (await db.Set<BoardCell>().AnyAsync(c => c.SlotId == slotId, ct))
        {
            return Outcome<bool>.Refused(ErrorCodes.Conflict, "Move the sessions out of this slot before removing it");
        }

        db.Remove(slot);
        await db.SaveChangesAsync(ct);
        Publish(slot.EventId, "slot-removed");
        return Outcome<bool>.Ok(true);
    }

    // ---- The pitch queue ----

    /// <summary>
    /// Adds a proposal to the end of the queue. Not public: the caller must have established who is proposing —
    /// <see cref="ProposeOnBehalfAsync"/> (an organiser at the pitch desk) or <see cref="TicketHolderBoardService"/>
    /// (a confirmed ticket holder, by their manage link).
    /// </summary>
    internal async Task<Outcome<BoardProposal>> ProposeAsync(int eventId, ProposalInput input, string proposerName, int? proposerBookingId = null, CancellationToken ct = default)
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
            return Outcome<BoardProposal>.Refused(ErrorCodes.NotFound, "This event does not take session proposals");
        }

        var last = await db.Set<Proposal>().Where(p => p.EventId == eventId).MaxAsync(p => (int?)p.QueueOrder, ct) ?? 0;
        var proposal = new Proposal
        {
            EventId = eventId,
            Title = input.Title!.Trim(),
            ConvenerName = input.ConvenerName!.Trim(),
            Description = (input.Description ?? string.Empty).Trim(),
            QueueOrder = last + 1,
            Status = ProposalStatus.Queued,
            ProposedBy = Truncate(proposerName.Trim(), OpenSpaceRules.MaxNameLength),
            ProposerBookingId = proposerBookingId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(proposal);
        await db.SaveChangesAsync(ct);
        Publish(eventId, "proposed");
        return Outcome<BoardProposal>.Ok(new BoardProposal(proposal.Id, proposal.Title, proposal.ConvenerName, proposal.Description, proposal.QueueOrder));
    }

    /// <summary>A facilitator or volunteer at the pitch desk proposes on someone's behalf.</summary>
    public Task<Outcome<BoardProposal>> ProposeOnBehalfAsync(Actor actor, int eventId, ProposalInput input, CancellationToken ct = default) =>
        actor.IsOrganiser
            ? ProposeAsync(eventId, input, actor.DisplayName, ct: ct)
            : Task.FromResult(Outcome<BoardProposal>.Refused(ErrorCodes.Forbidden, OpenSpaceMessages.ForbiddenText));

    public async Task<Outcome<bool>> WithdrawAsync(Actor actor, int proposalId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Refused(ErrorCodes.Forbidden, OpenSpaceMessages.ForbiddenText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Outcome<bool>.Refused(ErrorCodes.NotFound, OpenSpaceMessages.NotFoundText);
        }

        if (proposal.Status != ProposalStatus.Queued)
        {
            return Outcome<bool>.Refused(OpenSpaceMessages.NotQueued, OpenSpaceMessages.NotQueuedText);
        }

        proposal.Status = ProposalStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
        Publish(proposal.EventId, "withdrawn");
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Moves a queued proposal one place earlier (<paramref name="offset"/> -1) or later (+1) in the pitch queue by
    /// swapping its position with its neighbour. At the top or bottom it stays where it is.
    /// </summary>
    public async Task<Outcome<bool>> MoveInQueueAsync(Actor actor, int proposalId, int offset, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Refused(ErrorCodes.Forbidden, OpenSpaceMessages.ForbiddenText);
        }

        if (offset is not (-1 or 1))
        {
            return Outcome<bool>.Invalid("Offset", "Move one place up or down");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Outcome<bool>.Refused(ErrorCodes.NotFound, OpenSpaceMessages.NotFoundText);
        }

        if (proposal.Status != ProposalStatus.Queued)
        {
            return Outcome<bool>.Refused(OpenSpaceMessages.NotQueued, OpenSpaceMessages.NotQueuedText);
        }

        // Ties in QueueOrder are broken by id, as the board reads them, so renumber the whole queue while swapping.
        var queue = await db.Set<Proposal>().Where(p => p.EventId == proposal.EventId && p.Status == ProposalStatus.Queued)
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
        Publish(proposal.EventId, "queue-reordered");
        return Outcome<bool>.Ok(true);
    }

    // ---- Board changes ----

    /// <summary>Places a queued proposal into an empty (room, slot), creating its session.</summary>
    public async Task<Outcome<BoardChangeResult>> PlaceAsync(Actor actor, int proposalId, int roomId, int slotId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        if (proposal.Status != ProposalStatus.Queued)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.NotQueued, OpenSpaceMessages.NotQueuedText);
        }

        var target = await LoadTargetAsync(db, proposal.EventId, roomId, slotId, ct);
        if (target is null)
        {
            return NotFound();
        }

        if (await IsCellTakenAsync(db, target.Value.Room, target.Value.Slot, movingSessionId: null, ct))
        {
            return CellTaken();
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
            db.Add(History(session.Id, SessionHistoryKind.Placed, proposal.Title, proposal.ConvenerName,
                $"Placed in {target.Value.Room.Name}", actor, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return CellTaken();
        }

        var warnings = await WarningsForAsync(db, session.Id, ct);
        Publish(proposal.EventId, "placed");
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(session.Id, warnings));
    }

    /// <summary>Moves a board session to an empty (room, slot). Pinned sessions stay put.</summary>
    public async Task<Outcome<BoardChangeResult>> MoveAsync(Actor actor, int sessionId, int roomId, int slotId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cell = await db.Set<BoardCell>().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (cell is null)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.NotOnBoard, OpenSpaceMessages.NotOnBoardText);
        }

        if (cell.IsPinned)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.Pinned, OpenSpaceMessages.PinnedText);
        }

        if (cell.RoomId == roomId && cell.SlotId == slotId)
        {
            return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sessionId, await WarningsForAsync(db, sessionId, ct)));
        }

        var target = await LoadTargetAsync(db, cell.EventId, roomId, slotId, ct);
        if (target is null)
        {
            return NotFound();
        }

        if (await IsCellTakenAsync(db, target.Value.Room, target.Value.Slot, sessionId, ct))
        {
            return CellTaken();
        }

        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, ct);
        var before = await DescribeAsync(db, session, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Relocate(cell, session, target.Value.Room, target.Value.Slot, now);
        db.Add(History(sessionId, SessionHistoryKind.Moved, session.Title, cell.ConvenerName,
            $"Moved from {before.Room} to {target.Value.Room.Name}", actor, now));
        await TellInterestedAsync(db, session, before, mergedInto: null, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return CellTaken();
        }

        var warnings = await WarningsForAsync(db, sessionId, ct);
        Publish(cell.EventId, "moved");
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sessionId, warnings));
    }

    /// <summary>Swaps the places of two board sessions (say, to give the popular one the bigger room).</summary>
    public async Task<Outcome<BoardChangeResult>> SwapAsync(Actor actor, int firstSessionId, int secondSessionId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Forbidden();
        }

        if (firstSessionId == secondSessionId)
        {
            return Outcome<BoardChangeResult>.Refused(ErrorCodes.Conflict, OpenSpaceMessages.SameSessionText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cells = await db.Set<BoardCell>().Where(c => c.SessionId == firstSessionId || c.SessionId == secondSessionId).ToListAsync(ct);
        var a = cells.FirstOrDefault(c => c.SessionId == firstSessionId);
        var b = cells.FirstOrDefault(c => c.SessionId == secondSessionId);
        if (a is null || b is null || a.EventId != b.EventId)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.NotOnBoard, OpenSpaceMessages.NotOnBoardText);
        }

        if (a.IsPinned || b.IsPinned)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.Pinned, OpenSpaceMessages.PinnedText);
        }

        var sessions = await db.Sessions.Where(s => s.Id == firstSessionId || s.Id == secondSessionId).ToListAsync(ct);
        var sa = sessions.First(s => s.Id == firstSessionId);
        var sb = sessions.First(s => s.Id == secondSessionId);
        var roomA = await db.Rooms.FirstAsync(r => r.Id == a.RoomId, ct);
        var roomB = await db.Rooms.FirstAsync(r => r.Id == b.RoomId, ct);
        var slotA = await db.Set<BoardSlot>().FirstAsync(s => s.Id == a.SlotId, ct);
        var slotB = await db.Set<BoardSlot>().FirstAsync(s => s.Id == b.SlotId, ct);
        var beforeA = await DescribeAsync(db, sa, ct);
        var beforeB = await DescribeAsync(db, sb, ct);
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
        db.Add(History(sa.Id, SessionHistoryKind.Moved, sa.Title, convenerA, $"Swapped with \"{sb.Title}\": now in {roomB.Name}", actor, now));
        db.Add(History(sb.Id, SessionHistoryKind.Moved, sb.Title, b.ConvenerName, $"Swapped with \"{sa.Title}\": now in {roomA.Name}", actor, now));
        await TellInterestedAsync(db, sa, beforeA, null, now, ct);
        await TellInterestedAsync(db, sb, beforeB, null, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var warnings = (await WarningsForAsync(db, sa.Id, ct)).Concat(await WarningsForAsync(db, sb.Id, ct)).Distinct().ToList();
        Publish(a.EventId, "swapped");
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sa.Id, warnings));
    }

    /// <summary>
    /// Merges the second session into the first: the first keeps its cell, takes both titles and conveners, and
    /// the history keeps each original title and convener. People interested in the second are told.
    /// </summary>
    public async Task<Outcome<BoardChangeResult>> MergeAsync(Actor actor, int keepSessionId, int absorbSessionId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Forbidden();
        }

        if (keepSessionId == absorbSessionId)
        {
            return Outcome<BoardChangeResult>.Refused(ErrorCodes.Conflict, OpenSpaceMessages.SameSessionText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keepCell = await db.Set<BoardCell>().FirstOrDefaultAsync(c => c.SessionId == keepSessionId, ct);
        var goneCell = await db.Set<BoardCell>().FirstOrDefaultAsync(c => c.SessionId == absorbSessionId, ct);
        if (keepCell is null || goneCell is null || keepCell.EventId != goneCell.EventId)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.NotOnBoard, OpenSpaceMessages.NotOnBoardText);
        }

        if (goneCell.IsPinned)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.Pinned, OpenSpaceMessages.PinnedText);
        }

        var keep = await db.Sessions.FirstAsync(s => s.Id == keepSessionId, ct);
        var gone = await db.Sessions.FirstAsync(s => s.Id == absorbSessionId, ct);
        var goneBefore = await DescribeAsync(db, gone, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(History(keep.Id, SessionHistoryKind.MergedIn, keep.Title, keepCell.ConvenerName, "Kept its place in a merge", actor, now));
        db.Add(History(keep.Id, SessionHistoryKind.MergedIn, gone.Title, goneCell.ConvenerName, $"Merged in from {goneBefore.Room}", actor, now));
        await db.Set<SessionHistoryEntry>().Where(h => h.SessionId == gone.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(h => h.SessionId, keep.Id), ct);

        keep.Title = Truncate(keep.Title + " + " + gone.Title, OpenSpaceRules.MaxTitleLength);
        keepCell.ConvenerName = Truncate(keepCell.ConvenerName + ", " + goneCell.ConvenerName, OpenSpaceRules.MaxNameLength);
        keep.Speakers = Truncate(keepCell.ConvenerName, EventRules.MaxSpeakersLength);
        keepCell.UpdatedUtc = now;

        // Interest follows the session; people already interested in both are counted once.
        var keepEmails = await db.Set<InterestMark>().Where(i => i.SessionId == keep.Id).Select(i => i.Email).ToListAsync(ct);
        var goneMarks = await db.Set<InterestMark>().Where(i => i.SessionId == gone.Id).ToListAsync(ct);
        foreach (var mark in goneMarks)
        {
            Notify(db, OpenSpaceEmailTemplates.SessionMerged, mark, gone, goneBefore, await DescribeAsync(db, keep, ct), keep.Title, now);
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

        await MoveRecordAsync(db, gone, keep, ct);

        await db.SaveChangesAsync(ct);
        db.Remove(goneCell);
        db.Remove(gone);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var warnings = await WarningsForAsync(db, keep.Id, ct);
        Publish(keepCell.EventId, "merged");
        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(keep.Id, warnings));
    }

    public async Task<Outcome<BoardChangeResult>> SetPinnedAsync(Actor actor, int sessionId, bool pinned, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cell = await db.Set<BoardCell>().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (cell is null)
        {
            return Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.NotOnBoard, OpenSpaceMessages.NotOnBoardText);
        }

        if (cell.IsPinned != pinned)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var title = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).FirstAsync(ct);
            cell.IsPinned = pinned;
            cell.UpdatedUtc = now;
            db.Add(History(sessionId, pinned ? SessionHistoryKind.Pinned : SessionHistoryKind.Unpinned, title, cell.ConvenerName,
                pinned ? "Pinned" : "Unpinned", actor, now));
            await db.SaveChangesAsync(ct);
            Publish(cell.EventId, pinned ? "pinned" : "unpinned");
        }

        return Outcome<BoardChangeResult>.Ok(new BoardChangeResult(sessionId, await WarningsForAsync(db, sessionId, ct)));
    }

    public async Task<IReadOnlyList<SessionHistoryEntry>> GetHistoryAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SessionHistoryEntry>().AsNoTracking().Where(h => h.SessionId == sessionId)
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToListAsync(ct);
    }

    // ---- Interest ----

    /// <summary>
    /// "I'd like to go". The caller (the manage page, or the phone view) supplies the person's name and email so
    /// they can be told if the session moves. Marking twice is harmless.
    /// </summary>
    public async Task<Outcome<InterestResult>> MarkInterestAsync(int sessionId, string? name, string? email, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("Name", OpenSpaceMessages.InterestNameText));
        }

        if (!EmailAddresses.IsValid(email))
        {
            errors.Add(new("Email", OpenSpaceMessages.InterestEmailText));
        }

        if (errors.Count > 0)
        {
            return Outcome<InterestResult>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cell = await db.Set<BoardCell>().AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (cell is null)
        {
            return Outcome<InterestResult>.Refused(OpenSpaceMessages.NotOnBoard, OpenSpaceMessages.NotOnBoardText);
        }

        var normalised = EmailAddresses.Normalise(email);
        if (!await db.Set<InterestMark>().AnyAsync(i => i.SessionId == sessionId && i.Email == normalised, ct))
        {
            db.Add(new InterestMark
            {
                SessionId = sessionId,
                Name = Truncate(name!.Trim(), OpenSpaceRules.MaxNameLength),
                Email = normalised,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Marked twice at once: the first one counts.
            }
        }

        var count = await db.Set<InterestMark>().CountAsync(i => i.SessionId == sessionId, ct);
        var room = await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == cell.RoomId, ct);
        var title = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).FirstAsync(ct);
        Publish(cell.EventId, "interest");
        return Outcome<InterestResult>.Ok(new InterestResult(sessionId, count,
            OpenSpaceRules.InterestOverCapacity(title, count, room.Capacity, room.Name)));
    }

    public async Task<int> RemoveInterestAsync(int sessionId, string? email, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalised = EmailAddresses.Normalise(email);
        await db.Set<InterestMark>().Where(i => i.SessionId == sessionId && i.Email == normalised).ExecuteDeleteAsync(ct);
        var eventId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (int?)s.EventId).FirstOrDefaultAsync(ct);
        if (eventId is { } id)
        {
            Publish(id, "interest");
        }

        return await db.Set<InterestMark>().CountAsync(i => i.SessionId == sessionId, ct);
    }

    // ---- Helpers ----

    /// <summary>
    /// Deleting the absorbed session cascades to its record, so its materials and write-ups move to the session that
    /// stays, and its notes are added under a heading (or become the notes, with their private link, when there were none).
    /// </summary>
    private static async Task MoveRecordAsync(EventHubDbContext db, Session gone, Session keep, CancellationToken ct)
    {
        await db.Set<Material>().Where(m => m.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.SessionId, keep.Id), ct);
        await db.Set<WriteUp>().Where(w => w.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.SessionId, keep.Id), ct);

        var goneNotes = await db.Set<SessionNotes>().FirstOrDefaultAsync(n => n.SessionId == gone.Id, ct);
        if (goneNotes is null)
        {
            return;
        }

        var keepNotes = await db.Set<SessionNotes>().FirstOrDefaultAsync(n => n.SessionId == keep.Id, ct);
        if (keepNotes is null)
        {
            // The key cannot change on a tracked row: re-key it in the database, keeping the convener's link working.
            await db.Set<SessionNotes>().Where(n => n.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.SessionId, keep.Id), ct);
            db.Entry(goneNotes).State = EntityState.Detached;
            return;
        }

        var heading = "From \"" + gone.Title + "\"";
        keepNotes.Convener = Join(keepNotes.Convener, goneNotes.Convener, ", ", ProceedingsRules.MaxShortSection);
        keepNotes.Participants = Join(keepNotes.Participants, goneNotes.Participants, "\n", ProceedingsRules.MaxSection);
        keepNotes.KeyPoints = Append(keepNotes.KeyPoints, heading, goneNotes.KeyPoints);
        keepNotes.Actions = Append(keepNotes.Actions, heading, goneNotes.Actions);
        keepNotes.Links = Append(keepNotes.Links, heading, goneNotes.Links);
        keepNotes.HideConvenerName |= goneNotes.HideConvenerName;
        keepNotes.Revision++;

        static string Join(string a, string b, string separator, int max) =>
            Truncate(string.IsNullOrWhiteSpace(b) ? a : string.IsNullOrWhiteSpace(a) ? b : a.TrimEnd() + separator + b.Trim(), max);

        static string Append(string mine, string heading, string theirs) =>
            string.IsNullOrWhiteSpace(theirs)
                ? mine
                : Truncate((string.IsNullOrWhiteSpace(mine) ? string.Empty : mine.TrimEnd() + "\n\n") + "### " + heading + "\n\n" + theirs.Trim(),
                    ProceedingsRules.MaxSection);
    }

    private readonly record struct Place(string Room, DateTime? StartUtc);

    private static async Task<(Room Room, BoardSlot Slot)?> LoadTargetAsync(EventHubDbContext db, int eventId, int roomId, int slotId, CancellationToken ct)
    {
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId && r.EventId == eventId, ct);
        var slot = await db.Set<BoardSlot>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.EventId == eventId, ct);
        return room is null || slot is null ? null : (room, slot);
    }

    /// <summary>The service check in front of the unique index: another board session, or a fixed talk, in that room then.</summary>
    private static async Task<bool> IsCellTakenAsync(EventHubDbContext db, Room room, BoardSlot slot, int? movingSessionId, CancellationToken ct)
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

    private static async Task<Place> DescribeAsync(EventHubDbContext db, Session session, CancellationToken ct)
    {
        var roomName = session.RoomId is { } rid
            ? await db.Rooms.Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : null;
        return new Place(roomName ?? "no room", session.StartUtc);
    }

    private static async Task TellInterestedAsync(EventHubDbContext db, Session session, Place before, string? mergedInto, DateTime now, CancellationToken ct)
    {
        var marks = await db.Set<InterestMark>().AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync(ct);
        if (marks.Count == 0)
        {
            return;
        }

        var roomName = await db.Rooms.Where(r => r.Id == session.RoomId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "no room";
        foreach (var mark in marks)
        {
            Notify(db, OpenSpaceEmailTemplates.SessionMoved, mark, session, before, new Place(roomName, session.StartUtc), mergedInto, now);
        }
    }

    private static void Notify(EventHubDbContext db, string template, InterestMark mark, Session session, Place before, Place after, string? mergedInto, DateTime now)
    {
        if (string.IsNullOrEmpty(mark.Email))
        {
            return;
        }

        Outbox.Enqueue(db, template, mark.Email, mark.Name, new SessionChangedPayload
        {
            SessionId = session.Id,
            SessionTitle = session.Title,
            RecipientName = mark.Name,
            OldRoom = before.Room,
            OldStartUtc = before.StartUtc,
            NewRoom = after.Room,
            NewStartUtc = after.StartUtc,
            NewEndUtc = session.EndUtc,
            MergedIntoTitle = mergedInto,
        }, now, session.EventId);
    }

    private static async Task<IReadOnlyList<string>> WarningsForAsync(EventHubDbContext db, int sessionId, CancellationToken ct)
    {
        var cell = await db.Set<BoardCell>().AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (cell is null)
        {
            return [];
        }

        var warnings = new List<string>();
        var inSlot = await db.Set<BoardCell>().AsNoTracking().Where(c => c.SlotId == cell.SlotId)
            .Join(db.Sessions, c => c.SessionId, s => s.Id, (c, s) => new { c.SessionId, c.ConvenerName, s.Title })
            .ToListAsync(ct);
        if (OpenSpaceRules.ConvenerClash(cell.ConvenerName, inSlot.Select(o => (o.SessionId, o.ConvenerName, o.Title)), sessionId) is { } clash)
        {
            warnings.Add(clash);
        }

        var room = await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == cell.RoomId, ct);
        var title = inSlot.First(o => o.SessionId == sessionId).Title;
        var interest = await db.Set<InterestMark>().CountAsync(i => i.SessionId == sessionId, ct);
        if (OpenSpaceRules.InterestOverCapacity(title, interest, room.Capacity, room.Name) is { } over)
        {
            warnings.Add(over);
        }

        return warnings;
    }

    private static SessionHistoryEntry History(int sessionId, SessionHistoryKind kind, string title, string convener, string detail, Actor actor, DateTime now) =>
        new()
        {
            SessionId = sessionId,
            Kind = kind,
            Title = Truncate(title, OpenSpaceRules.MaxTitleLength),
            ConvenerName = Truncate(convener, OpenSpaceRules.MaxNameLength),
            Detail = Truncate(detail, 500),
            ByName = Truncate(actor.DisplayName, OpenSpaceRules.MaxNameLength),
            AtUtc = now,
        };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private void Publish(int eventId, string what) => changes.Publish(new BoardChange(eventId, what, clock.GetUtcNow().UtcDateTime));

    private static Outcome<BoardChangeResult> Forbidden() => Outcome<BoardChangeResult>.Refused(ErrorCodes.Forbidden, OpenSpaceMessages.ForbiddenText);

    private static Outcome<BoardChangeResult> NotFound() => Outcome<BoardChangeResult>.Refused(ErrorCodes.NotFound, OpenSpaceMessages.NotFoundText);

    private static Outcome<BoardChangeResult> CellTaken() => Outcome<BoardChangeResult>.Refused(OpenSpaceMessages.CellTaken, OpenSpaceMessages.CellTakenText);
}
