using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>The same-event check, once: organiser pages address rows by the event in the URL and the row's id.</summary>
internal static class EventScope
{
    /// <summary>The row with this id only when it belongs to this event; otherwise null, as if it did not exist.</summary>
    public static Task<T?> FindInEventAsync<T>(this IQueryable<T> rows, int eventId, int id, CancellationToken ct)
        where T : class, IBelongsToEvent =>
        rows.FirstOrDefaultAsync(x => x.Id == id && x.EventId == eventId, ct);

    /// <summary>An event's list in the order the organiser set (ties oldest first).</summary>
    public static IOrderedQueryable<T> InListOrder<T>(this IQueryable<T> rows)
        where T : class, IEventListItem =>
        rows.OrderBy(x => x.SortOrder).ThenBy(x => x.Id);
}
