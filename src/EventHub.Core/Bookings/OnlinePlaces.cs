using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>An event's online places offered to everyone (hidden types are not shown), with how many are left.</summary>
public sealed class OnlinePlaces(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OnlinePlacesLeft>> ForEventAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TicketType>().AsNoTracking()
            .Where(t => t.EventId == eventId && t.Attendance == Attendance.Online && !t.Hidden)
            .InListOrder()
            .Select(t => new OnlinePlacesLeft(t.Name, t.Quota ?? 0, t.PlacesTaken))
            .ToListAsync(ct);
    }
}
