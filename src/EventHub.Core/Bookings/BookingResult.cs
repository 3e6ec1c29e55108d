namespace EventHub.Core.Bookings;

/// <summary>What the visitor is told after booking: their reference, link token and where they stand.</summary>
public sealed record BookingResult(int BookingId, string Reference, string ManageToken, BookingStatus Status, int? WaitlistPosition, string? CheckInCode);
