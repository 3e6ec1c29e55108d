namespace EventHub.Core.Bookings;

public sealed record AttendeeRow(
    int Id, string Reference, string Name, string Email, string Organisation, string JobTitle, string? TicketTypeName,
    BookingStatus Status, DateTime CreatedUtc, DateTime? OfferExpiresUtc, bool NeedsAttention, long WaitlistRank,
    Attendance Attendance = Attendance.InPerson);
