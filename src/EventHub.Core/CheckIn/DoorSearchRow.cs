using EventHub.Core.Bookings;

namespace EventHub.Core.CheckIn;

public sealed record DoorSearchRow(int BookingId, string Name, string Organisation, string TicketType, BookingStatus Status, bool NeedsAttention, DateTime? CheckedInUtc);
