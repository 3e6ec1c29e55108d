namespace EventHub.Core.Bookings;

public enum BookingWindow
{
    Open,
    NotOpenYet,
    Closed,
    NotAvailable,
}
