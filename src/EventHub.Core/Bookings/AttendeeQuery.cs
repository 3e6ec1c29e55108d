namespace EventHub.Core.Bookings;

/// <summary>
/// One page of the attendee list: search, status, ticket type and, on a hybrid event, the kind of place (each kind has
/// its own waiting list, so "Waiting" with a kind lists that list in its order).
/// </summary>
public sealed record AttendeeQuery(
    int EventId, string? Search = null, BookingStatus? Status = null, int? TicketTypeId = null, int Page = 0, int PageSize = 25,
    Attendance? Attendance = null);
