namespace EventHub.Core.Bookings;

/// <summary>What a booking-related message needs besides the event (loaded by <see cref="OutboxMessage.EventId"/>).</summary>
public sealed record BookingMessagePayload
{
    public required string BookingReference { get; init; }

    /// <summary>
    /// The private manage-link token minted for this mail (only its hash is stored, see <see cref="ManageLinks"/>):
    /// links are {PublicBaseUrl}/manage/{ManageToken}.
    /// </summary>
    public required string ManageToken { get; init; }

    public required string AttendeeName { get; init; }

    /// <summary>The code the QR on the ticket encodes (confirmed bookings only).</summary>
    public string? CheckInCode { get; init; }

    public string? TicketTypeName { get; init; }

    /// <summary>The kind of place the ticket type gives (null: no ticket type); decides who gets the joining link.</summary>
    public Attendance? Attendance { get; init; }

    public int? WaitlistPosition { get; init; }

    public DateTime? OfferExpiresUtc { get; init; }

    /// <summary>Why a request was declined or a booking cancelled, in plain words, if the organiser gave one.</summary>
    public string? Reason { get; init; }

    /// <summary>Set when the message is about a session place rather than the event place.</summary>
    public string? SessionTitle { get; init; }

    /// <summary>Leave out the calendar invite (or its cancellation): the person was never sent one.</summary>
    public bool WithoutInvite { get; init; }
}
