namespace EventHub.Web.Features.Bookings;

/// <summary>Where the visitor is in the booking journey; each step is what one POST of the booking form answers with.</summary>
public enum BookingStep
{
    /// <summary>The form: details, ticket type, questions, sessions, needs and consent.</summary>
    Details,

    /// <summary>Check your answers: nothing is booked yet.</summary>
    Check,

    /// <summary>The email address already has a booking: offer to send its link again.</summary>
    AlreadyBooked,

    /// <summary>Booked, waiting or awaiting approval.</summary>
    Done,
}
