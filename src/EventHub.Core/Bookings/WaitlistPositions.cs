using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Where a waiting booking stands. In-person and online places have a waiting list each
/// (<see cref="Lifecycle.FillEventAsync"/>), so a position counts only those waiting for the same kind of place; a
/// booking with no ticket type waits for the room.
/// </summary>
internal static class WaitlistPositions
{
    /// <summary>
    /// How many wait ahead of a new online booking (saved rows only; a tie on rank counts as ahead), compiled once per
    /// model. Only an event with online places needs the ticket type joined.
    /// </summary>
    private static readonly CompiledPerModel<Func<EventHubDbContext, int, long, CancellationToken, Task<int>>> OnlineAhead = new(
        () => EF.CompileAsyncQuery((EventHubDbContext db, int eventId, long rank, CancellationToken ct) =>
            db.Set<Booking>().Count(x => x.EventId == eventId && x.Status == BookingStatus.Waiting && x.WaitlistRank <= rank
                && x.TicketTypeId != null && x.TicketType!.Attendance == Attendance.Online)));

    /// <summary>The same for a new booking waiting for the room.</summary>
    private static readonly CompiledPerModel<Func<EventHubDbContext, int, long, CancellationToken, Task<int>>> InPersonAhead = new(
        () => EF.CompileAsyncQuery((EventHubDbContext db, int eventId, long rank, CancellationToken ct) =>
            db.Set<Booking>().Count(x => x.EventId == eventId && x.Status == BookingStatus.Waiting && x.WaitlistRank <= rank
                && (x.TicketTypeId == null || x.TicketType!.Attendance == Attendance.InPerson))));

    /// <summary>How many saved bookings of the same kind wait ahead of a new one with <paramref name="rank"/>.</summary>
    public static Task<int> AheadOfNewAsync(EventHubDbContext db, int eventId, long rank, Attendance attendance, CancellationToken ct) =>
        (attendance == Attendance.Online ? OnlineAhead : InPersonAhead).For(db)(db, eventId, rank, ct);

    /// <summary>A saved waiting booking's place in its own list, from 1.</summary>
    public static async Task<int> OfAsync(EventHubDbContext db, Booking b, CancellationToken ct)
    {
        var ahead = await AheadAsync(db, b, ct);
        return await ahead.CountAsync(ct) + 1;
    }

    /// <summary>The saved bookings waiting ahead of <paramref name="b"/> on its own list (in person or online).</summary>
    public static async Task<IQueryable<Booking>> AheadAsync(EventHubDbContext db, Booking b, CancellationToken ct)
    {
        // The read that loaded the booking normally includes its ticket type (PlaceKind's rule); one small read if not.
        var attendance = b.TicketTypeId is not { } typeId || b.TicketType is not null ? PlaceKind.Of(b).Attendance
            : await db.Set<TicketType>().Where(t => t.Id == typeId).Select(t => t.Attendance).SingleAsync(ct);
        var ahead = db.Set<Booking>().Where(x => x.EventId == b.EventId && x.Status == BookingStatus.Waiting
            && (x.WaitlistRank < b.WaitlistRank || (x.WaitlistRank == b.WaitlistRank && x.Id < b.Id)));
        return ahead.Where(BookedPlace.Of(attendance));
    }
}
