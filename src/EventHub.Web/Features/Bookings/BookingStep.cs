namespace EventHub.Web.Features.Bookings;

/// <summary>Where the visitor is in the booking journey; each step is what one POST of the booking form answers with.</summary>
public enum BookingStep
{
    /// <summary>The form: details, ticket type, questions, sessions, needs and consent.</summary>
    Details,

    /// <summary>Check your answers: nothing is booked yet.</summary>
    Check,

    /// <summary>
    /// "Check your email": booked, waiting, awaiting approval, or the address already had a booking (then its owner is
    /// sent their link). The same page for all, so the form never tells whether an address has booked.
    /// </summary>
    Done,
}
