using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

/// <summary>What the move form shows: the booking as it stands and where it could go.</summary>
public sealed record MoveView(
    int BookingId, int EventId, string Name, string Reference, BookingStatus Status, int? TicketTypeId, IReadOnlyList<int> SessionIds,
    IReadOnlyList<TicketType> TicketTypes, IReadOnlyList<Session> Sessions, string TimeZoneId);
