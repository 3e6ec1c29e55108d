namespace EventHub.Core.Bookings;

public enum BookingStatus
{
    Confirmed = 1,
    AwaitingApproval = 2,

    /// <summary>A place is held for this person until <see cref="Booking.OfferExpiresUtc"/>.</summary>
    Offered = 3,
    Waiting = 4,
    Cancelled = 5,
    Declined = 6,
}
