namespace EventHub.Core.Bookings;

/// <summary>Stable codes for expected refusals, with the words people see.</summary>
public static class BookingError
{
    public const string NotOpenYet = "booking_not_open_yet";
    public const string Closed = "booking_closed";
    public const string NotAvailable = "event_not_available";
    public const string TicketTypeUnavailable = "ticket_type_unavailable";
    public const string AlreadyBooked = "already_booked";
    public const string NotEligible = "not_eligible";
    public const string InvalidLink = "invalid_link";
    public const string WrongState = "wrong_state";
    public const string NoPlaceFree = "no_place_free";
    public const string SessionUnavailable = "session_unavailable";
    public const string TargetFull = "target_full";
    public const string InUse = "in_use";
    public const string PriorityNotOpenYet = "priority_booking_not_open_yet";
    public const string PriorityLinkNotValid = "priority_link_not_valid";
    public const string OfferEnded = "offer_ended";
    public const string EventCancelled = "event_cancelled";

    public static string Message(string code) => code switch
    {
        NotOpenYet => "Booking for this event has not opened yet.",
        Closed => "Booking for this event has closed.",
        NotAvailable => "This event is not taking bookings.",
        TicketTypeUnavailable => "That ticket type is not available. Choose another ticket type.",
        AlreadyBooked => "This email address already has a booking for this event. We can send the booking link to it again.",
        NotEligible => "Bookings for this event are only open to people with an email address from the organisations it is for.",
        InvalidLink => "This link is not valid.",
        WrongState => "That cannot be done to this booking as it stands now.",
        NoPlaceFree => "There is no free place to offer. Someone must cancel first, or raise the capacity.",
        SessionUnavailable => "That session is not part of this event.",
        TargetFull => "There is no free place there. Raise its quota or capacity, or choose another.",
        InUse => "That is in use, so it cannot be removed.",
        PriorityNotOpenYet => "Priority booking for this event has not opened yet. Come back later with the same link.",
        PriorityLinkNotValid => "Your priority booking link is not valid for this event. Check you used the whole link from your email.",
        OfferEnded => "This offer has ended: it ran out or was turned down, so the place has gone to the next person waiting. If you still want to come, book again from the event page and you will join the waiting list.",
        EventCancelled => "This event has been cancelled, so its places can no longer be taken. Contact the organisers if you have questions.",
        _ => "Something went wrong with the booking.",
    };
}
