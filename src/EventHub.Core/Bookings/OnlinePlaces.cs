using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// An event's online places offered to everyone (hidden types only on the booking form of a visitor who came with
/// their secret link), with how many are left, read live (the
/// booking set-up cache holds each type's places as they were when it was read).
/// </summary>
public sealed class OnlinePlaces(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OnlinePlacesLeft>> ForEventAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, eventId, ct);
    }

    /// <summary>The online places of each of <paramref name="eventIds"/> that has any, in one read (for a list of events).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<OnlinePlacesLeft>>> ForEventsAsync(IReadOnlyCollection<int> eventIds, CancellationToken ct = default)
    {
        if (eventIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<OnlinePlacesLeft>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<TicketType>().AsNoTracking()
            .Where(t => eventIds.Contains(t.EventId) && t.Attendance == Attendance.Online && !t.Hidden)
            .InListOrder()
            .Select(t => new { t.EventId, Places = new OnlinePlacesLeft(t.Id, t.Name, t.Quota ?? 0, t.PlacesTaken) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => (IReadOnlyList<OnlinePlacesLeft>)g.Select(r => r.Places).ToList());
    }

    /// <summary>
    /// One event's, on the caller's context, with the hidden types in <paramref name="shownHidden"/> (those whose secret
    /// link the visitor came with), so the booking form reads their places live too.
    /// </summary>
    internal static async Task<IReadOnlyList<OnlinePlacesLeft>> ReadAsync(EventHubDbContext db, int eventId, CancellationToken ct, IReadOnlyCollection<int>? shownHidden = null)
    {
        IReadOnlyCollection<int> hidden = shownHidden ?? [];
        return await db.Set<TicketType>().AsNoTracking()
            .Where(t => t.EventId == eventId && t.Attendance == Attendance.Online && (!t.Hidden || hidden.Contains(t.Id)))
            .InListOrder()
            .Select(t => new OnlinePlacesLeft(t.Id, t.Name, t.Quota ?? 0, t.PlacesTaken))
            .ToListAsync(ct);
    }
}
