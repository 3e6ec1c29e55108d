namespace EventHub.Core.Bookings;

/// <summary>
/// Move a confirmed booking to <paramref name="TicketTypeId"/> and/or give it exactly <paramref name="SessionIds"/>
/// (null leaves the sessions as they are).
/// </summary>
public sealed record MoveRequest(int BookingId, int? TicketTypeId, IReadOnlyCollection<int>? SessionIds = null);
