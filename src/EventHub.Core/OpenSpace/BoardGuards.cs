using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// The checks every board use case repeats, in one place. Each resolves the event from what it is given (the event,
/// a slot, a proposal, a session's cell) and checks the actor's role on that event before it looks at the row's
/// state, so an organiser on none of the event's teams learns only that it could not be found, and one whose role
/// does not allow the change is told so. Editors and owners run the board (<see cref="RunBoard"/>); the door team
/// may enter pitches at the pitch desk (<see cref="Permission.PitchDesk"/>) but not move sessions.
/// </summary>
internal static class BoardGuards
{
    /// <summary>Placing, moving, pinning and merging sessions, the queue's order, time slots and moderating walk-ins.</summary>
    public const Permission RunBoard = Permission.Edit;

    /// <summary>The actor's role on the event allows <paramref name="permission"/>; null to go on.</summary>
    public static Task<Refusal?> EventAsync(EventHubDbContext db, Actor actor, int eventId, Permission permission, CancellationToken ct) =>
        EventAccess.CheckAsync(db, actor, eventId, permission, ct, OpenSpaceErrors.NotFound);

    /// <summary>A time slot of a board the actor runs.</summary>
    public static async Task<Guarded<BoardSlot>> SlotAsync(EventHubDbContext db, Actor actor, int slotId, CancellationToken ct)
    {
        var slot = await db.Set<BoardSlot>().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        return await OnEventAsync(db, actor, slot, slot?.EventId, ct);
    }

    /// <summary>A proposal, in any state, of a board the actor runs.</summary>
    public static async Task<Guarded<Proposal>> ProposalAsync(EventHubDbContext db, Actor actor, int proposalId, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        return await OnEventAsync(db, actor, proposal, proposal?.EventId, ct);
    }

    /// <summary>A proposal still waiting in the pitch queue of a board the actor runs.</summary>
    public static async Task<Guarded<Proposal>> QueuedAsync(EventHubDbContext db, Actor actor, int proposalId, CancellationToken ct)
    {
        var guarded = await ProposalAsync(db, actor, proposalId, ct);
        return guarded.Ok && guarded.Row.Status != ProposalStatus.Queued ? Guarded<Proposal>.No(OpenSpaceErrors.NotQueued) : guarded;
    }

    /// <summary>A session's cell on a board the actor runs; when <paramref name="movable"/>, it must not be pinned.</summary>
    public static async Task<Guarded<BoardCell>> CellAsync(EventHubDbContext db, Actor actor, int sessionId, bool movable, CancellationToken ct)
    {
        var cell = await db.Set<BoardCell>().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        var guarded = await OnEventAsync(db, actor, cell, cell?.EventId, ct, OpenSpaceErrors.NotOnBoard);
        return guarded.Ok && movable && guarded.Row.IsPinned ? Guarded<BoardCell>.No(OpenSpaceErrors.Pinned) : guarded;
    }

    /// <summary>
    /// Two different sessions on the same board, which the actor runs. The second must not be pinned; the first
    /// neither, unless <paramref name="firstMayBePinned"/> (the session that stays in a merge keeps its place).
    /// </summary>
    public static async Task<Guarded<CellPair>> PairAsync(
        EventHubDbContext db, Actor actor, int firstSessionId, int secondSessionId, bool firstMayBePinned, CancellationToken ct)
    {
        if (firstSessionId == secondSessionId)
        {
            return Guarded<CellPair>.No(OpenSpaceErrors.SameSession);
        }

        var first = await CellAsync(db, actor, firstSessionId, movable: false, ct);
        if (!first.Ok)
        {
            return Guarded<CellPair>.No(first.Refusal);
        }

        var second = await db.Set<BoardCell>().FirstOrDefaultAsync(c => c.SessionId == secondSessionId && c.EventId == first.Row.EventId, ct);
        if (second is null)
        {
            return Guarded<CellPair>.No(OpenSpaceErrors.NotOnBoard);
        }

        return second.IsPinned || (first.Row.IsPinned && !firstMayBePinned)
            ? Guarded<CellPair>.No(OpenSpaceErrors.Pinned)
            : Guarded<CellPair>.Yes(new CellPair(first.Row, second));
    }

    private static async Task<Guarded<T>> OnEventAsync<T>(
        EventHubDbContext db, Actor actor, T? row, int? eventId, CancellationToken ct, Refusal? missing = null)
        where T : class
    {
        if (!actor.IsOrganiser)
        {
            return Guarded<T>.No(OpenSpaceErrors.Forbidden);
        }

        if (row is null || eventId is not { } id)
        {
            return Guarded<T>.No(missing ?? OpenSpaceErrors.NotFound);
        }

        return await EventAsync(db, actor, id, RunBoard, ct) is { } refusal ? Guarded<T>.No(refusal) : Guarded<T>.Yes(row);
    }
}
