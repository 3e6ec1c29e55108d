using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Expires offers whose window has passed, and held places whose address was not confirmed in time, and gives the
/// places to the next people waiting.
/// </summary>
public sealed class WaitlistService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate)
{
    /// <summary>
    /// Handles every offer and every unconfirmed hold that has expired, oldest first, however long ago (so it catches
    /// up after downtime), and passes free places on for any event that has some while people wait (a capacity
    /// increase, say). An expired hold sends no mail: nobody showed the address was theirs. Returns how many ended.
    /// </summary>
    public async Task<int> ExpireOffersAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = 0;
        while (true)
        {
            using var _ = await gate.EnterAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var b = await db.Set<Booking>().Include(x => x.TicketType)
                .Where(x => (x.Status == BookingStatus.Offered || x.Status == BookingStatus.Held) && x.OfferExpiresUtc != null && x.OfferExpiresUtc <= now)
                .OrderBy(x => x.OfferExpiresUtc).ThenBy(x => x.Id)
                .FirstOrDefaultAsync(ct);
            if (b is null)
            {
                break;
            }

            if (b.Status == BookingStatus.Held)
            {
                await Lifecycle.EndAsync(db, b, BookingStatus.Cancelled, null, "The email address was not confirmed in time, so the held place went back.", now, ct);
            }
            else
            {
                await Lifecycle.EndAsync(db, b, BookingStatus.Cancelled, BookingTemplates.OfferExpired, "The offer of a place ran out before it was accepted.", now, ct);
            }

            await tx.CommitAsync(ct);
            expired++;
        }

        await FillWaitingAsync(now, ct);
        return expired;
    }

    private async Task FillWaitingAsync(DateTime now, CancellationToken ct)
    {
        List<int> eventIds;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            eventIds = await read.Set<Events.Event>()
                .Where(e => e.PlacesTaken < e.Capacity && read.Set<Booking>().Any(b => b.EventId == e.Id && b.Status == BookingStatus.Waiting))
                .Select(e => e.Id).ToListAsync(ct);
        }

        foreach (var eventId in eventIds)
        {
            using var _ = await gate.EnterAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await Lifecycle.FillEventAsync(db, eventId, now, ct);
            await tx.CommitAsync(ct);
        }
    }
}
