using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// The only code that changes place counters: conditional updates that succeed only while there is room, run inside
/// the caller's transaction. These, not the allocator's snapshot, are what guarantee nobody is oversold. A change to
/// an event's places is announced on the live signal (<see cref="LiveTopics.Places"/>) once it commits.
/// </summary>
internal static class Places
{
    // Plain SQL that SQLite and PostgreSQL both run (quoted names as the migrations create them), not ExecuteUpdate:
    // EF translated the ExecuteUpdate expression again on every booking (a quarter of the booking writer's own CPU,
    // docs/benchmarks.md, round 8), where a parameterised statement is only handed to the database. The booking
    // capacity tests on both engines pin the names and the conditions.

    /// <summary>
    /// Takes a place; the one that fills the event marks it sold out at <paramref name="nowUtc"/> in the same update.
    /// An online place is taken from its type's quota alone: the event's capacity is the room's.
    /// </summary>
    public static async Task<TakeResult> TryTakeAsync(EventHubDbContext db, int eventId, int? ticketTypeId, Attendance attendance, DateTime nowUtc, CancellationToken ct)
    {
        if (attendance == Attendance.Online && ticketTypeId is { } onlineId)
        {
            db.PublishOnCommit(eventId, LiveTopics.Places);
            var tookOnline = await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE "TicketTypes" SET "PlacesTaken" = "PlacesTaken" + 1
                WHERE "Id" = {onlineId} AND "Quota" IS NOT NULL AND "PlacesTaken" < "Quota"
                """, ct);
            return tookOnline == 0 ? TakeResult.TicketTypeFull : TakeResult.Taken;
        }

        var took = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Events" SET "PlacesTaken" = "PlacesTaken" + 1,
                "SoldOutUtc" = CASE WHEN "PlacesTaken" + 1 >= "Capacity" THEN {nowUtc} ELSE "SoldOutUtc" END
            WHERE "Id" = {eventId} AND "PlacesTaken" < "Capacity"
            """, ct);
        if (took == 0)
        {
            return TakeResult.EventFull;
        }

        db.PublishOnCommit(eventId, LiveTopics.Places);

        if (ticketTypeId is { } typeId && !await TryTakeTicketTypeAsync(db, typeId, ct))
        {
            await ReleaseEventAsync(db, eventId, ct);
            return TakeResult.TicketTypeFull;
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
            await ReleaseTicketTypeAsync(db, typeId, ct);
        }
    }

    /// <summary>Takes a place in a ticket type's quota only (the event place is already held: a move between types).</summary>
    public static async Task<bool> TryTakeTicketTypeAsync(EventHubDbContext db, int ticketTypeId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "TicketTypes" SET "PlacesTaken" = "PlacesTaken" + 1
            WHERE "Id" = {ticketTypeId} AND ("Quota" IS NULL OR "PlacesTaken" < "Quota")
            """, ct) == 1;

    public static Task<int> ReleaseTicketTypeAsync(EventHubDbContext db, int ticketTypeId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""UPDATE "TicketTypes" SET "PlacesTaken" = "PlacesTaken" - 1 WHERE "Id" = {ticketTypeId} AND "PlacesTaken" > 0""", ct);

    public static async Task<bool> TryTakeSessionAsync(EventHubDbContext db, int sessionId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Sessions" SET "PlacesTaken" = "PlacesTaken" + 1
            WHERE "Id" = {sessionId} AND ("Capacity" IS NULL OR "PlacesTaken" < "Capacity")
            """, ct) == 1;

    public static Task<int> ReleaseSessionAsync(EventHubDbContext db, int sessionId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""UPDATE "Sessions" SET "PlacesTaken" = "PlacesTaken" - 1 WHERE "Id" = {sessionId} AND "PlacesTaken" > 0""", ct);

    /// <summary>A place came back: the event is no longer sold out (it is marked again when it fills again).</summary>
    private static Task<int> ReleaseEventAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        db.PublishOnCommit(eventId, LiveTopics.Places);
        return db.Database.ExecuteSqlAsync(
            $"""UPDATE "Events" SET "PlacesTaken" = "PlacesTaken" - 1, "SoldOutUtc" = NULL WHERE "Id" = {eventId} AND "PlacesTaken" > 0""", ct);
    }
}
