namespace EventHub.Core.Bookings;

public enum SessionBookingStatus
{
    Confirmed = 1,
    Waiting = 2,
}
