namespace EventHub.Core.Bookings;

/// <summary>
/// The ticket type a booking holds, as its messages and the place counters need it: the type's name and the kind of
/// place it gives (null for both when the booking has no ticket type). One rule for every use case, and no query: the
/// read that loads a booking includes its ticket type, and the booking writer already knows it from the set-up.
/// </summary>
internal readonly record struct PlaceKind(string? TicketTypeName, Attendance? TicketTypeAttendance)
{
    /// <summary>The kind of place taken: in person unless the ticket type is online.</summary>
    public Attendance Attendance => TicketTypeAttendance ?? Attendance.InPerson;

    /// <summary>The booking's ticket type, which must have been read with it.</summary>
    public static PlaceKind Of(Booking b) =>
        b.TicketType is { } type ? new(type.Name, type.Attendance)
        : b.TicketTypeId is null ? default
        : throw new InvalidOperationException($"Booking {b.Id} was read without its ticket type: include it in the read that loads the booking.");
}
