using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// A session and its overflow copies run in one time slot: the rule every board change that could part them checks.
/// </summary>
internal static class OverflowLinks
{
    /// <summary>The rooms of the sessions linked to this cell's (its original and the original's other copies, or its copies).</summary>
    public static async Task<IReadOnlyList<string>> OtherRoomsAsync(EventHubDbContext db, BoardCell cell, CancellationToken ct)
    {
        var family = cell.CopyOfSessionId ?? cell.SessionId;
        return await db.Set<BoardCell>().AsNoTracking()
            .Where(c => (c.SessionId == family || c.CopyOfSessionId == family) && c.SessionId != cell.SessionId)
            .Join(db.Rooms, c => c.RoomId, r => r.Id, (c, r) => new { r.Name, r.SortOrder, r.Id })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => x.Name).ToListAsync(ct);
    }

    /// <summary>Room names as a sentence says them: "Hall", "Hall and Big room", "Hall, Big room and Annexe".</summary>
    public static string Say(IReadOnlyList<string> rooms) =>
        rooms.Count <= 1 ? string.Concat(rooms) : string.Join(", ", rooms.Take(rooms.Count - 1)) + " and " + rooms[^1];

    /// <summary>The places of a session's rooms together (its own and its overflow rooms'); null when any has no limit.</summary>
    public static int? Places(IEnumerable<int?> capacities)
    {
        var total = 0;
        foreach (var capacity in capacities)
        {
            if (capacity is not { } c)
            {
                return null;
            }

            total += c;
        }

        return total;
    }

    /// <summary>A linked session may move only within its slot; the refusal when it would leave it, null to go on.</summary>
    public static async Task<Refusal?> KeepsSlotAsync(EventHubDbContext db, BoardCell cell, int targetSlotId, CancellationToken ct)
    {
        if (targetSlotId == cell.SlotId || await OtherRoomsAsync(db, cell, ct) is not { Count: > 0 } others)
        {
            return null;
        }

        var title = await db.Sessions.Where(s => s.Id == cell.SessionId).Select(s => s.Title).FirstAsync(ct);
        return OpenSpaceErrors.LinkedKeepsSlot(title, Say(others));
    }
}
