using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// State changes shared by the attendee and organiser use cases. Each runs inside the caller's transaction;
/// the caller saves and commits.
/// </summary>
internal static class Lifecycle
{
    public static async Task<BookingSettings> SettingsAsync(EventHubDbContext db, int eventId, CancellationToken ct) =>
        await db.Set<BookingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct)
        ?? BookingSettings.DefaultFor(eventId);

    /// <summary>
    /// Queues one booking message in the caller's unit of work; every booking mail's payload is built here. Returns the
    /// manage-link token minted for it (the mail is the only place it is written in full).
    /// </summary>
    public static string Message(
        EventHubDbContext db, string template, Booking b, DateTime now, int? position = null, string? reason = null, string? sessionTitle = null,
        bool withoutInvite = false, PlaceKind? kind = null)
    {
        var payload = Payload(db, template, b, now, position, reason, sessionTitle, withoutInvite, kind);
        Outbox.Enqueue(db, template, b.Email, b.Name, payload, now, b.EventId);
        return payload.ManageToken;
    }

    /// <summary>
    /// What a booking's messages carry: its reference, a manage link of their own, and where it stands. The ticket type
    /// comes from <paramref name="kind"/> when the caller holds it (the booking writer), else from the booking, which
    /// must then have been read with its ticket type (<see cref="PlaceKind.Of"/>): no query here.
    /// </summary>
    public static BookingMessagePayload Payload(
        EventHubDbContext db, string template, Booking b, DateTime now, int? position = null, string? reason = null, string? sessionTitle = null,
        bool withoutInvite = false, PlaceKind? kind = null)
    {
        var type = kind ?? PlaceKind.Of(b);
        return new()
        {
            BookingReference = b.Reference,
            ManageToken = ManageLinks.Mint(db, b, template, now),
            AttendeeName = b.Name,
            CheckInCode = b.Status == BookingStatus.Confirmed ? b.CheckInCode : null,
            TicketTypeName = type.TicketTypeName,
            Attendance = type.TicketTypeAttendance,
            WaitlistPosition = position,
            OfferExpiresUtc = b.Status is BookingStatus.Offered or BookingStatus.Held ? b.OfferExpiresUtc : null,
            Reason = reason,
            SessionTitle = sessionTitle,
            WithoutInvite = withoutInvite,
        };
    }

    /// <summary>
    /// Ends a booking (cancel, decline an offer, leave the list, expiry), frees what it held and passes the freed
    /// places on. Saves the tracked changes. A null <paramref name="template"/> sends no mail (a hold nobody confirmed:
    /// the address may be invented).
    /// </summary>
    public static async Task EndAsync(EventHubDbContext db, Booking b, BookingStatus endStatus, string? template, string? reason, DateTime now, CancellationToken ct)
    {
        var heldPlace = b.HoldsPlace;
        b.Status = endStatus;
        b.CancelledUtc = now;
        b.CancelReason = reason;
        b.UpdatedUtc = now;
        b.OfferExpiresUtc = null;
        var freedSessions = new List<int>();
        foreach (var sb in await db.Set<SessionBooking>().Where(s => s.BookingId == b.Id).ToListAsync(ct))
        {
            if (sb.Status == SessionBookingStatus.Confirmed)
            {
                await Places.ReleaseSessionAsync(db, sb.SessionId, ct);
                freedSessions.Add(sb.SessionId);
            }

            db.Remove(sb);
        }

        if (heldPlace)
        {
            await Places.ReleaseAsync(db, b.EventId, b.TicketTypeId, PlaceKind.Of(b).Attendance, ct);
        }

        if (template is not null)
        {
            Message(db, template, b, now, reason: reason);
        }

        await db.SaveChangesAsync(ct);
        foreach (var sessionId in freedSessions)
        {
            await FillSessionAsync(db, sessionId, now, ct);
        }

        if (heldPlace)
        {
            await FillEventAsync(db, b.EventId, now, ct);
        }
    }

    /// <summary>
    /// Gives free places to the people waiting, in order: an offer held for the event's window, or a confirmed place
    /// when the organiser chose "confirm straight from the waiting list". Someone waiting for a full ticket type is
    /// passed over (they keep their position) until that type has room. In-person and online places are apart: a free
    /// seat in the room goes to the next person waiting in person, a free online place to the next waiting online.
    /// Saves.
    /// </summary>
    public static async Task<int> FillEventAsync(EventHubDbContext db, int eventId, DateTime now, CancellationToken ct)
    {
        // One read: is a seat free in the room, and is any online type's quota not used up?
        var free = await db.Set<Events.Event>().Where(e => e.Id == eventId)
            .Select(e => new
            {
                Room = e.PlacesTaken < e.Capacity,
                Online = db.Set<TicketType>().Any(t => t.EventId == e.Id && t.Attendance == Attendance.Online && t.PlacesTaken < t.Quota),
            })
            .FirstOrDefaultAsync(ct);
        if (free is null || (!free.Room && !free.Online))
        {
            return 0;
        }

        var (roomFree, onlineFree) = (free.Room, free.Online);

        var settings = await SettingsAsync(db, eventId, ct);
        var waiting = await db.Set<Booking>().Include(b => b.TicketType)
            .Where(b => b.EventId == eventId && b.Status == BookingStatus.Waiting)
            .Where(b => onlineFree || b.TicketTypeId == null || b.TicketType!.Attendance == Attendance.InPerson)
            .Where(b => roomFree || b.TicketType!.Attendance == Attendance.Online)
            .OrderBy(b => b.WaitlistRank).ThenBy(b => b.Id)
            .Take(500)
            .ToListAsync(ct);
        var promoted = 0;
        foreach (var b in waiting)
        {
            var attendance = PlaceKind.Of(b).Attendance;
            if (attendance == Attendance.InPerson && !roomFree)
            {
                continue;
            }

            // The list was read without a lock. Another node's fill may have promoted this person since: claim the row
            // while it is still waiting (on PostgreSQL this waits for that transaction and then finds nothing), so
            // nobody is promoted twice and no place is taken for them twice. SQLite runs one writer at a time anyway.
            var stillWaiting = await db.Set<Booking>()
                .Where(x => x.Id == b.Id && x.Status == BookingStatus.Waiting)
                .ExecuteUpdateAsync(x => x.SetProperty(y => y.UpdatedUtc, now), ct);
            if (stillWaiting == 0)
            {
                continue;
            }

            var result = await Places.TryTakeAsync(db, eventId, b.TicketTypeId, attendance, now, ct);
            if (result == TakeResult.EventFull)
            {
                // The room is full; people waiting online may still get an online place.
                roomFree = false;
                continue;
            }

            if (result == TakeResult.TicketTypeFull)
            {
                continue;
            }

            Promote(db, b, settings, now);
            promoted++;
        }

        await db.SaveChangesAsync(ct);
        return promoted;
    }

    /// <summary>Turns a waiting booking whose place has just been taken into an offer (or a confirmed booking).</summary>
    public static void Promote(EventHubDbContext db, Booking b, BookingSettings settings, DateTime now)
    {
        b.UpdatedUtc = now;
        if (settings.ConfirmFromWaitlist)
        {
            b.Status = BookingStatus.Confirmed;
            b.OfferExpiresUtc = null;
            Message(db, BookingTemplates.BookingConfirmed, b, now);
        }
        else
        {
            b.Status = BookingStatus.Offered;
            b.OfferExpiresUtc = now.AddHours(Math.Max(1, settings.OfferWindowHours));
            Message(db, BookingTemplates.PlaceOffered, b, now);
        }
    }

    /// <summary>Session places go straight to the next person waiting: they already hold a place at the event. Saves.</summary>
    public static async Task FillSessionAsync(EventHubDbContext db, int sessionId, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Set<SessionBooking>().Include(s => s.Booking).ThenInclude(b => b!.TicketType)
            .Where(s => s.SessionId == sessionId && s.Status == SessionBookingStatus.Waiting && s.Booking!.Status == BookingStatus.Confirmed)
            .OrderBy(s => s.WaitlistRank).ThenBy(s => s.Id)
            .Take(100)
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var title = await db.Set<Events.Session>().Where(s => s.Id == sessionId).Select(s => s.Title).FirstAsync(ct);
        foreach (var sb in waiting)
        {
            if (!await Places.TryTakeSessionAsync(db, sessionId, ct))
            {
                break;
            }

            sb.Status = SessionBookingStatus.Confirmed;
            Message(db, BookingTemplates.SessionPlaceConfirmed, sb.Booking!, now, sessionTitle: title);
        }

        await db.SaveChangesAsync(ct);
    }
}
