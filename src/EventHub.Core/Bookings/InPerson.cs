using System.Linq.Expressions;

namespace EventHub.Core.Bookings;

/// <summary>
/// The one rule for "a place in the room": a booking with no ticket type or an in-person one. The door, the badges and
/// every attendance figure count over these only, because an online place never comes through the door; figures
/// show confirmed online places apart.
/// </summary>
public static class InPerson
{
    /// <summary>The booking holds (or asked for) a place in the room, for use in a database query.</summary>
    public static readonly Expression<Func<Booking, bool>> Place = b => b.TicketTypeId == null || b.TicketType!.Attendance == Attendance.InPerson;
}
