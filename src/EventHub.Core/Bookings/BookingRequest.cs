namespace EventHub.Core.Bookings;

public sealed record BookingRequest(int EventId, BookingForm Form);
