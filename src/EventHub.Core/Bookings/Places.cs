using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// The only code that changes place counters: conditional updates that succeed only while there is room, run inside
/// the caller's transaction. These, not the allocator's snapshot, are what guarantee nobody is oversold. A change to
/// an event's places is announced on the live signal (<see cref="LiveTopics.Places"/>) once it commits.
/// </summary>
internal static class Places
{
    /// <summary>
    /// Takes a place; the one that fills the event marks it sold out at <paramref name="nowUtc"/> in the same update.
    /// An online place is taken from its type's quota alone: the event's capacity is the room's.
    /// </summary>
    public static async Task<TakeResult> TryTakeAsync(EventHubDbContext db, int eventId, int? ticketTypeId, Attendance attendance, DateTime nowUtc, CancellationToken ct)
    {
        if (attendance == Attendance.Online && ticketTypeId is { } onlineId)
        {
            db.PublishOnCommit(eventId, LiveTopics.Places);
            var tookOnline = await db.Set<TicketType>()
                .Where(t => t.Id == onlineId && t.Quota != null && t.PlacesTaken < t.Quota)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.PlacesTaken, t => t.PlacesTaken + 1), ct);
            if (tookOnline == 0)
            {
                return TakeResult.TicketTypeFull;
            }

            return TakeResult.Taken;
        }

        var took = await db.Set<Event>()
            .Where(e => e.Id == eventId && e.PlacesTaken < e.Capacity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.PlacesTaken, e => e.PlacesTaken + 1)
                .SetProperty(e => e.SoldOutUtc, e => e.PlacesTaken + 1 >= e.Capacity ? nowUtc : e.SoldOutUtc), ct);
        if (took == 0)
        {
            return TakeResult.EventFull;
        }

        db.PublishOnCommit(eventId, LiveTopics.Places);

        if (ticketTypeId is { } typeId)
        {
            var tookTicket = await db.Set<TicketType>()
                .Where(t => t.Id == typeId && (t.Quota == null || t.PlacesTaken < t.Quota))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.PlacesTaken, t => t.PlacesTaken + 1), ct);
            if (tookTicket == 0)
            {
                await ReleaseEventAsync(db, eventId, ct);
                return TakeResult.TicketTypeFull;
            }
        }

        return TakeResult.Taken;
    }

    public static async Task ReleaseAsync(EventHubDbContext db, int eventId, int? ticketTypeId, Attendance attendance, CancellationToken ct)
    {
        if (attendance == Attendance.Online && ticketTypeId is not null)
        {
            db.PublishOnCommit(eventId, LiveTopics.Places);
        }
        else
        {
            await ReleaseEventAsync(db, eventId, ct);
        }

        if (ticketTypeId is { } typeId)
        {
            await db.Set<TicketType>()
                .Where(t => t.Id == typeId && t.PlacesTaken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.PlacesTaken, t => t.PlacesTaken - 1), ct);
        }
    }

    /// <summary>Takes a place in a ticket type's quota only (the event place is already held: a move between types).</summary>
    public static async Task<bool> TryTakeTicketTypeAsync(EventHubDbContext db, int ticketTypeId, CancellationToken ct) =>
        await db.Set<TicketType>()
            .Where(t => t.Id == ticketTypeId && (t.Quota == null || t.PlacesTaken < t.Quota))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.PlacesTaken, t => t.PlacesTaken + 1), ct) == 1;

    public static Task<int> ReleaseTicketTypeAsync(EventHubDbContext db, int ticketTypeId, CancellationToken ct) =>
        db.Set<TicketType>()
            .Where(t => t.Id == ticketTypeId && t.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.PlacesTaken, t => t.PlacesTaken - 1), ct);

    public static async Task<bool> TryTakeSessionAsync(EventHubDbContext db, int sessionId, CancellationToken ct) =>
        await db.Set<Session>()
            .Where(s => s.Id == sessionId && (s.Capacity == null || s.PlacesTaken < s.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken + 1), ct) == 1;

    public static Task<int> ReleaseSessionAsync(EventHubDbContext db, int sessionId, CancellationToken ct) =>
        db.Set<Session>()
            .Where(s => s.Id == sessionId && s.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken - 1), ct);

    /// <summary>The kind of place a booking holds: its type's, read when the type is not loaded.</summary>
    public static async Task<Attendance> AttendanceOfAsync(EventHubDbContext db, Booking b, CancellationToken ct) =>
        b.TicketType?.Attendance ?? (b.TicketTypeId is { } id
            ? await db.Set<TicketType>().Where(t => t.Id == id).Select(t => t.Attendance).FirstOrDefaultAsync(ct)
            : Attendance.InPerson);

    /// <summary>A place came back: the event is no longer sold out (it is marked again when it fills again).</summary>
    private static Task<int> ReleaseEventAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        db.PublishOnCommit(eventId, LiveTopics.Places);
        return db.Set<Event>()
            .Where(e => e.Id == eventId && e.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PlacesTaken, e => e.PlacesTaken - 1).SetProperty(e => e.SoldOutUtc, (DateTime?)null), ct);
    }
}
