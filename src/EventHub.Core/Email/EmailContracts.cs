namespace EventHub.Core.Email;

/// <summary>
/// Names of the messages features put in the outbox. The Email feature renders each one; the feature that
/// enqueues it fills a <see cref="BookingMessagePayload"/> (or its own payload) with everything rendering needs
/// beyond the event itself, so rendering never depends on the enqueuing feature's tables.
/// </summary>
public static class EmailTemplates
{
    public const string BookingConfirmed = "booking.confirmed";
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
    public const string Reminder = "event.reminder";
    public const string BulkMessage = "event.organiser-message";
}

/// <summary>What a booking-related message needs besides the event (loaded by <see cref="OutboxMessage.EventId"/>).</summary>
public sealed record BookingMessagePayload
{
    public required string BookingReference { get; init; }

    /// <summary>The private manage-link token: links are {PublicBaseUrl}/manage/{ManageToken}.</summary>
    public required string ManageToken { get; init; }

    public required string AttendeeName { get; init; }

    /// <summary>The code the QR on the ticket encodes (confirmed bookings only).</summary>
    public string? CheckInCode { get; init; }

    public string? TicketTypeName { get; init; }

    public int? WaitlistPosition { get; init; }

    public DateTime? OfferExpiresUtc { get; init; }

    /// <summary>Why a request was declined or a booking cancelled, in plain words, if the organiser gave one.</summary>
    public string? Reason { get; init; }

    /// <summary>Set when the message is about a session place rather than the event place.</summary>
    public string? SessionTitle { get; init; }

    /// <summary>Leave out the calendar invite (or its cancellation): the person was never sent one.</summary>
    public bool WithoutInvite { get; init; }
}

/// <summary>
/// Link routes that messages point at (relative to the configured public base URL). Pages implement them.
/// </summary>
public static class ManageRoutes
{
    public static string Manage(string token) => $"/manage/{token}";

    public static string AcceptOffer(string token) => $"/manage/{token}/accept-offer";

    public static string DeclineOffer(string token) => $"/manage/{token}/decline-offer";

    public static string StillComing(string token) => $"/manage/{token}/still-coming";

    public static string ReleasePlace(string token) => $"/manage/{token}/release";
}
