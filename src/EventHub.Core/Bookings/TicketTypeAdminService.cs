using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>The organiser sets up an event's ticket types: add, edit, hide, reorder, and remove while unused.</summary>
public sealed class TicketTypeAdminService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, BookingSetupCache? setup = null)
{
    private readonly OrganiserWrites _writes = new(dbFactory, clock, gate, setup);

    private readonly EventList<TicketType> _list = new(new(dbFactory, clock, gate, setup), new(
        "ticket-type", "ticket type", t => t.Name, BookingErrors.TicketTypeGoneFromList,
        (db, id, ct) => db.Set<Booking>().CountAsync(b => b.TicketTypeId == id, ct),
        (t, used) => BookingErrors.TicketTypeInUse(t.Name, used)));

    /// <summary>
    /// The event's ticket types for those who may see its attendees (none for anyone else); a hidden type's
    /// private link only for those who may change them.
    /// </summary>
    public async Task<IReadOnlyList<TicketType>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var granted = await EventAccess.ResolveAsync(db, actor, eventId, ct);
        if (!granted.Contains(Permission.ViewAttendees))
        {
            return [];
        }

        var types = await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == eventId).InListOrder().ToListAsync(ct);
        if (!granted.Contains(Permission.Edit))
        {
            types.ForEach(t => t.SecretToken = null);
        }

        return types;
    }

    /// <summary>
    /// Adds a ticket type (<paramref name="id"/> null) or changes one. A hidden type gets a private link. An online
    /// type's quota is its own capacity, apart from the room's, so it must be given and may pass the event's capacity.
    /// A type's kind is fixed once anyone has booked it: the places it holds are counted one way or the other.
    /// </summary>
    public Task<Outcome<TicketType>> SaveAsync(Actor actor, int eventId, int? id, string name, string description, int? quota, bool hidden,
        Attendance attendance = Attendance.InPerson, CancellationToken ct = default) =>
        _writes.RunAsync(actor, eventId, Permission.Edit, async w =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return Outcome<TicketType>.Invalid(nameof(TicketType.Name), "Enter a name for the ticket type");
            }

            var capacity = await w.Db.Set<Event>().Where(e => e.Id == eventId).Select(e => (int?)e.Capacity).FirstOrDefaultAsync(ct);
            if (capacity is null)
            {
                return Outcome<TicketType>.NotFound(BookingErrors.EventGone);
            }

            if (attendance == Attendance.Online && quota is null)
            {
                return Outcome<TicketType>.Invalid(nameof(TicketType.Quota), "Enter how many online places there are");
            }

            if (attendance == Attendance.Online && quota < 1)
            {
                return Outcome<TicketType>.Invalid(nameof(TicketType.Quota), "Online places must be 1 or more");
            }

            if (attendance == Attendance.InPerson && quota is { } q && (q < 1 || q > capacity))
            {
                return Outcome<TicketType>.Invalid(nameof(TicketType.Quota), $"Quota must be between 1 and the event's capacity ({capacity})");
            }

            var type = id is { } existing ? await w.Db.Set<TicketType>().FindInEventAsync(eventId, existing, ct) : null;
            if (id is not null && type is null)
            {
                return Outcome<TicketType>.NotFound(BookingErrors.TicketTypeGone);
            }

            if (type is null)
            {
                type = new TicketType { EventId = eventId, Name = string.Empty, SortOrder = await w.Db.Set<TicketType>().CountAsync(t => t.EventId == eventId, ct) };
                w.Db.Add(type);
            }
            else if (quota is { } newQuota && newQuota < type.PlacesTaken)
            {
                return Outcome<TicketType>.Invalid(nameof(TicketType.Quota), $"Quota cannot be less than the {type.PlacesTaken} places already taken");
            }
            else if (type.Attendance != attendance && await w.Db.Set<Booking>().AnyAsync(b => b.TicketTypeId == type.Id, ct))
            {
                return Outcome<TicketType>.Invalid(nameof(TicketType.Attendance), BookingErrors.AttendanceFixed(type.Name, type.Attendance).Message);
            }

            type.Name = name.Trim();
            type.Description = description.Trim();
            type.Quota = quota;
            type.Attendance = attendance;
            type.Hidden = hidden;
            type.SecretToken = hidden ? type.SecretToken ?? SecureTokens.New() : null;
            w.Audit(eventId, null, "ticket-type", $"Saved ticket type \"{type.Name}\"" + (attendance == Attendance.Online ? $", online, {quota} places" : quota is null ? string.Empty : $", quota {quota}"));
            await w.Db.SaveChangesAsync(ct);
            return Outcome<TicketType>.Ok(type);
        }, ct, id is null ? BookingErrors.EventGone : BookingErrors.TicketTypeGone);

    /// <summary>A ticket type that anyone has booked (even a cancelled booking) stays, so the history stays whole.</summary>
    public Task<Outcome<string>> RemoveAsync(Actor actor, int eventId, int id, CancellationToken ct = default) =>
        _list.RemoveAsync(actor, eventId, id, ct);

    /// <summary>Swaps a ticket type with its neighbour above (<paramref name="up"/>) or below.</summary>
    public Task<Outcome<string>> MoveAsync(Actor actor, int eventId, int id, bool up, CancellationToken ct = default) =>
        _list.MoveAsync(actor, eventId, id, up, ct);
}
