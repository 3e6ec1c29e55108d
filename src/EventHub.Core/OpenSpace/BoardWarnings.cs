using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>What a facilitator should look at after a change: convener clashes and rooms too small for the interest.</summary>
internal static class BoardWarnings
{
    public static async Task<IReadOnlyList<string>> ForAsync(EventHubDbContext db, int sessionId, CancellationToken ct)
    {
        var cell = await db.Set<BoardCell>().AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (cell is null)
        {
            return [];
        }

        var warnings = new List<string>();
        // A session and its overflow copies share a convener and their rooms' places.
        var family = cell.CopyOfSessionId ?? cell.SessionId;
        var inSlot = await db.Set<BoardCell>().AsNoTracking().Where(c => c.SlotId == cell.SlotId)
            .Join(db.Sessions, c => c.SessionId, s => s.Id, (c, s) => new { c.SessionId, c.ConvenerName, s.Title, c.RoomId, Family = c.CopyOfSessionId ?? c.SessionId })
            .ToListAsync(ct);
        if (OpenSpaceRules.ConvenerClash(cell.ConvenerName, inSlot.Where(o => o.Family != family).Select(o => (o.SessionId, o.ConvenerName, o.Title)), sessionId) is { } clash)
        {
            warnings.Add(clash);
        }

        var familyRooms = inSlot.Where(o => o.Family == family).Select(o => o.RoomId).ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => familyRooms.Contains(r.Id)).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(ct);
        var title = inSlot.First(o => o.SessionId == sessionId).Title;
        var interest = await db.Set<InterestMark>().CountAsync(i => i.SessionId == sessionId, ct);
        if (OpenSpaceRules.InterestOverCapacity(title, interest, OverflowLinks.Places(rooms.Select(r => r.Capacity)), OverflowLinks.Say([.. rooms.Select(r => r.Name)])) is { } over)
        {
            warnings.Add(over);
        }

        return warnings;
    }
}
