using System.Linq.Expressions;

namespace EventHub.Core.Bookings;

/// <summary>
/// The one rule for the kind of place a booking holds, for database queries: in the room (no ticket type, or an
/// in-person one) or online. The door, the badges and every attendance figure count places in the room only, because an
/// online place never comes through the door; figures show confirmed online places apart. (<see cref="PlaceKind"/> is
/// the same rule for a booking already read.)
/// </summary>
public static class BookedPlace
{
    /// <summary>The booking holds (or asked for) a place in the room.</summary>
    public static readonly Expression<Func<Booking, bool>> InPerson = b => b.TicketTypeId == null || b.TicketType!.Attendance == Attendance.InPerson;

    /// <summary>The booking holds (or asked for) an online place.</summary>
    public static readonly Expression<Func<Booking, bool>> Online = b => b.TicketTypeId != null && b.TicketType!.Attendance == Attendance.Online;

    /// <summary>The bookings of one kind of place.</summary>
    public static Expression<Func<Booking, bool>> Of(Attendance kind) => kind == Attendance.Online ? Online : InPerson;
}
