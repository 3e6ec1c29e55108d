namespace EventHub.Core.Bookings;

/// <summary>
/// Names of the booking messages put in the outbox; the templates that render them are in <c>Bookings/Emails</c>.
/// The enqueuing code fills a <see cref="BookingMessagePayload"/> with everything rendering needs beyond the event
/// itself, so rendering never depends on the booking tables.
/// </summary>
public static class BookingTemplates
{
    public const string BookingConfirmed = "booking.confirmed";
    public const string PlaceHeld = "booking.held";
    public const string RequestReceived = "booking.request-received";
    public const string RequestApproved = "booking.request-approved";
    public const string RequestDeclined = "booking.request-declined";
    public const string WaitlistJoined = "waitlist.joined";
    public const string PlaceOffered = "waitlist.offered";
    public const string OfferExpired = "waitlist.offer-expired";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingLinkResent = "booking.link-resent";
    public const string BookingChanged = "booking.changed";
    public const string SessionPlaceConfirmed = "session.confirmed";
    public const string EventChanged = "event.changed";
    public const string EventCancelled = "event.cancelled";
}
