using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Bookings;

/// <summary>One organiser change in progress: its context, its time, and the audit entry it leaves.</summary>
internal sealed class OrganiserWrite(EventHubDbContext db, Actor actor, DateTime nowUtc)
{
    public EventHubDbContext Db => db;

    public DateTime NowUtc => nowUtc;

    /// <summary>Adds the audit entry to this change's unit of work (saved with it).</summary>
    public void Audit(int eventId, int? bookingId, string action, string detail) =>
        BookingAuditLog.Add(db, actor, eventId, bookingId, action, detail, nowUtc);
}
