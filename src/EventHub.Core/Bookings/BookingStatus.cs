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

    /// <summary>
    /// A place is taken for this person but kept only if they confirm their email address (the link in the mail)
    /// before <see cref="Booking.OfferExpiresUtc"/>; the event asked for this ("hold the place until the email address
    /// is confirmed"). Otherwise the place goes back.
    /// </summary>
    Held = 7,
}
