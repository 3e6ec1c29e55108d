using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// The running maximum of an event's waiting list (<see cref="Event.WaitingPeak"/>), raised in the transaction that
/// puts someone on the list, after it is saved. A conditional update (only upwards, counted by the database), so two
/// nodes writing at once never lower it and it needs no lock.
/// </summary>
internal static class WaitingPeak
{
    public static Task<int> RaiseAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var waiting = db.Set<Booking>().Where(b => b.EventId == eventId && b.Status == BookingStatus.Waiting);
        return db.Set<Event>()
            .Where(e => e.Id == eventId && e.WaitingPeak < waiting.Count())
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitingPeak, e => waiting.Count()), ct);
    }
}
