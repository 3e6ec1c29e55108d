using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>The organiser moves a confirmed booking to another ticket type or other sessions.</summary>
public sealed class BookingMoveService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate)
{
    private readonly OrganiserWrites _writes = new(dbFactory, clock, gate);

    /// <summary>The booking as it stands and where it could go; null when it is not a booking of this event.</summary>
    public async Task<MoveView?> GetMoveViewAsync(Actor actor, int eventId, int bookingId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is not null)
        {
            return null;
        }

        var b = await db.Set<Booking>().AsNoTracking().Include(x => x.Sessions).FindInEventAsync(eventId, bookingId, ct);
        if (b is null)
        {
            return null;
        }

        var zone = await db.Set<Event>().Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstAsync(ct);
        var types = await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == eventId).InListOrder().ToListAsync(ct);
        var sessions = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == eventId && s.Capacity != null).OrderBy(s => s.StartUtc).ThenBy(s => s.Id).ToListAsync(ct);
        return new MoveView(b.Id, b.EventId, b.Name, b.Reference, b.Status, b.TicketTypeId, b.Sessions.Select(s => s.SessionId).ToList(), types, sessions, zone);
    }

    /// <summary>
    /// Moves a confirmed booking to another ticket type or other sessions. The new places are taken with the same
    /// conditional updates as booking, in one transaction, so a full target refuses and nothing changes; the places
    /// given up go to the people waiting. The person is emailed and the move is audited. Answers the change in words.
    /// </summary>
    public Task<Outcome<string>> MoveAsync(Actor actor, MoveRequest request, CancellationToken ct = default) =>
        _writes.RunAsync(actor, OrganiserWrites.EventOfBooking(request.BookingId), Permission.Edit, w => MoveAsync(w, request, ct), ct, BookingErrors.BookingGoneFromList);

    private static async Task<Outcome<string>> MoveAsync(OrganiserWrite w, MoveRequest request, CancellationToken ct)
    {
        var db = w.Db;
        var now = w.NowUtc;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await db.Set<Booking>().Include(x => x.TicketType).Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == request.BookingId, ct);
        if (b is null)
        {
            return Outcome<string>.NotFound(BookingErrors.BookingGoneFromList);
        }

        if (b.Status != BookingStatus.Confirmed)
        {
            return Outcome<string>.Refused(BookingErrors.OnlyConfirmedCanMove(b.Name));
        }

        var changes = new List<string>();
        int? freedTicketType = null;
        if (request.TicketTypeId != b.TicketTypeId)
        {
            if (request.TicketTypeId is not { } targetId)
            {
                return Outcome<string>.Invalid(nameof(MoveRequest.TicketTypeId), "Choose the ticket type to move them to");
            }

            var target = await db.Set<TicketType>().FindInEventAsync(b.EventId, targetId, ct);
            if (target is null)
            {
                return Outcome<string>.Invalid(nameof(MoveRequest.TicketTypeId), "That ticket type is not part of this event. Choose another ticket type");
            }

            if (PlaceKind.Of(b).Attendance != target.Attendance)
            {
                return Outcome<string>.Refused(BookingErrors.AttendanceDiffers);
            }

            if (!await Places.TryTakeTicketTypeAsync(db, targetId, ct))
            {
                return Outcome<string>.Refused(BookingErrors.TicketTypeFull(target.Name, target.Quota));
            }

            if (b.TicketTypeId is { } oldId)
            {
                await Places.ReleaseTicketTypeAsync(db, oldId, ct);
                freedTicketType = oldId;
            }

            changes.Add($"Ticket type: {b.TicketType?.Name ?? "none"} to {target.Name}");
            b.TicketType = target;
            b.TicketTypeId = targetId;
        }

        var freedSessions = new List<int>();
        if (request.SessionIds is { } sessionIds)
        {
            var wanted = sessionIds.ToHashSet();
            var titles = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == b.EventId && (wanted.Contains(s.Id) || s.Capacity != null))
                .ToDictionaryAsync(s => s.Id, s => s.Title, ct);
            if (!wanted.All(titles.ContainsKey))
            {
                return Outcome<string>.Invalid(nameof(MoveRequest.SessionIds), BookingErrors.SessionUnavailable.Message);
            }

            foreach (var sb in b.Sessions.Where(s => !wanted.Contains(s.SessionId)).ToList())
            {
                if (sb.Status == SessionBookingStatus.Confirmed)
                {
                    await Places.ReleaseSessionAsync(db, sb.SessionId, ct);
                    freedSessions.Add(sb.SessionId);
                }

                changes.Add("Left " + titles.GetValueOrDefault(sb.SessionId, "a session"));
                b.Sessions.Remove(sb);
                db.Remove(sb);
            }

            foreach (var sessionId in wanted.Where(id => b.Sessions.All(s => s.SessionId != id)).Order())
            {
                if (!await Places.TryTakeSessionAsync(db, sessionId, ct))
                {
                    return Outcome<string>.Refused(BookingErrors.SessionFull(titles[sessionId]));
                }

                b.Sessions.Add(new SessionBooking { SessionId = sessionId, Status = SessionBookingStatus.Confirmed, CreatedUtc = now });
                changes.Add("Joined " + titles[sessionId]);
            }
        }

        if (changes.Count == 0)
        {
            return Outcome<string>.Invalid(nameof(MoveRequest.TicketTypeId), "Choose a different ticket type or different sessions: these are the ones they already have");
        }

        var summary = string.Join("; ", changes);
        b.UpdatedUtc = now;
        Lifecycle.Message(db, BookingTemplates.BookingChanged, b, now, reason: summary);
        w.Audit(b.EventId, b.Id, "moved", $"Moved {b.Name}: {summary}");
        await db.SaveChangesAsync(ct);
        foreach (var sessionId in freedSessions)
        {
            await Lifecycle.FillSessionAsync(db, sessionId, now, ct);
        }

        if (freedTicketType is not null)
        {
            // The event place stays taken; someone waiting only because the old type was full may now get in.
            await Lifecycle.FillEventAsync(db, b.EventId, now, ct);
        }

        await tx.CommitAsync(ct);
        return Outcome<string>.Ok(summary);
    }
}
