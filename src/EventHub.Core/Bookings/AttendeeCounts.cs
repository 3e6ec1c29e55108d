namespace EventHub.Core.Bookings;

public sealed record AttendeeCounts(int Capacity, int PlacesTaken, int Confirmed, int Offered, int Waiting, int AwaitingApproval, int Cancelled, int Held = 0);
