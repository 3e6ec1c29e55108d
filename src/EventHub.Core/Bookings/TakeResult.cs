namespace EventHub.Core.Bookings;

internal enum TakeResult
{
    Taken,
    EventFull,
    TicketTypeFull,
}
