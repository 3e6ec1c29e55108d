using EventHub.Core.Bookings;

namespace EventHub.Core.Privacy;

/// <summary>What the "delete my booking" page shows before the person confirms.</summary>
public sealed record OwnBookingView(string EventTitle, string When, string AttendeeName, BookingStatus Status)
{
    public bool HoldsPlace => Status is BookingStatus.Confirmed or BookingStatus.Offered or BookingStatus.Held;
}
