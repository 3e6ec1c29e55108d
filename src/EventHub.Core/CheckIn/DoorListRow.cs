using EventHub.Core.Bookings;

namespace EventHub.Core.CheckIn;

public sealed record DoorListRow(string Name, string Organisation, string TicketType, string Reference, bool NeedsAttention, bool CheckedIn);
