using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>Who did what to an event's bookings and booking set-up, and when. Administrators read it.</summary>
public sealed class BookingAuditLog(IDbContextFactory<EventHubDbContext> dbFactory)
{
    private const int MaxDetailLength = 2000;

    /// <summary>The newest 1,000 entries; none unless the actor is an administrator (no event role reads the log).</summary>
    public async Task<IReadOnlyList<BookingAuditEntry>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingAuditEntry>().AsNoTracking().Where(a => a.EventId == eventId)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(1000).ToListAsync(ct);
    }

    /// <summary>One page of the event's audit log, newest first; an empty page unless the actor is an administrator.</summary>
    public async Task<PagedResult<BookingAuditEntry>> PageAsync(Actor actor, AuditLogQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The event's owners and administrators; anyone else sees an empty log, whether or not the event exists.
        if (await EventAccess.CheckAsync(db, actor, query.EventId, Permission.ReadAuditLog, ct) is not null)
        {
            return new PagedResult<BookingAuditEntry>([], 0, query.Page, query.PageSize);
        }

        var rows = db.Set<BookingAuditEntry>().AsNoTracking().Where(a => a.EventId == query.EventId);
        var total = await rows.CountAsync(ct);
        var (skip, take) = Paging.Window(query.Page, query.PageSize);
        var items = await rows.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new PagedResult<BookingAuditEntry>(items, total, query.Page, take);
    }

    /// <summary>Adds an entry to the caller's unit of work, so it is saved with the change it describes.</summary>
    internal static void Add(EventHubDbContext db, Actor actor, int eventId, int? bookingId, string action, string detail, DateTime nowUtc) =>
        db.Add(new BookingAuditEntry
        {
            EventId = eventId,
            BookingId = bookingId,
            ActorId = actor.UserId ?? "unknown",
            ActorName = actor.DisplayName,
            Action = action,
            Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
            AtUtc = nowUtc,
        });
}
