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
}
