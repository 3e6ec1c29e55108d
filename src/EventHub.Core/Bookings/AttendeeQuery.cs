namespace EventHub.Core.Bookings;

public sealed record AttendeeQuery(int EventId, string? Search = null, BookingStatus? Status = null, int? TicketTypeId = null, int Page = 0, int PageSize = 25);
