namespace EventHub.Core.Bookings;

/// <param name="Priority">What the visitor's priority token is worth; looked up only while booking is not open to everyone.</param>
public sealed record AllocationRequest(
    string Email, int? TicketTypeId = null, string? TicketSecret = null, bool ByOrganiser = false, PriorityClaim Priority = PriorityClaim.None);
