using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>
/// The booking feature's refusals: stable codes (tests and pages compare them) with the words people see.
/// Sign-in refusals use <see cref="CommonRefusals"/>; a refusal that names something is built here from its base one.
/// </summary>
public static class BookingErrors
{
    public static readonly Refusal NotOpenYet = new("booking_not_open_yet", "Booking for this event has not opened yet.");

    public static readonly Refusal Closed = new("booking_closed", "Booking for this event has closed.");

    public static readonly Refusal NotAvailable = new("event_not_available", "This event is not taking bookings.");

    public static readonly Refusal TicketTypeUnavailable =
        new("ticket_type_unavailable", "That ticket type is not available. Choose another ticket type.");

    public static readonly Refusal AlreadyBooked = new("already_booked",
        "This email address already has a booking for this event. We can send the booking link to it again.");

    public static readonly Refusal NotEligible = new("not_eligible",
        "Bookings for this event are only open to people with an email address from the organisations it is for.");

    public static readonly Refusal InvalidLink = new("invalid_link", "This link is not valid.");

    public static readonly Refusal WrongState = new("wrong_state", "That cannot be done to this booking as it stands now.");

    public static readonly Refusal SessionsNeedConfirmedPlace = WrongState with { Message = "You can choose sessions once your place is confirmed." };

    public static readonly Refusal NoPlaceFree =
        new("no_place_free", "There is no free place to offer. Someone must cancel first, or raise the capacity.");

    public static readonly Refusal SessionUnavailable = new("session_unavailable", "That session is not part of this event.");

    public static readonly Refusal TargetFull =
        new("target_full", "There is no free place there. Raise its quota or capacity, or choose another.");

    public static readonly Refusal AttendanceDiffers = new("attendance_differs",
        "An in-person place and an online place are counted apart, so a booking cannot move between them. "
        + "Cancel this booking and add the person again with the other ticket type.");

    /// <summary>A booked ticket type's kind cannot change: its places are already counted in person or online.</summary>
    public static Refusal AttendanceFixed(string typeName, Attendance current) => AttendanceDiffers with
    {
        Message = $"\"{typeName}\" has bookings, so its places stay {(current == Attendance.Online ? "online" : "in person")}. "
            + "Add a new ticket type for the other kind of place.",
    };

    public static readonly Refusal InUse = new("in_use", "That is in use, so it cannot be removed.");

    public static readonly Refusal PriorityNotOpenYet = new("priority_booking_not_open_yet",
        "Priority booking for this event has not opened yet. Come back later with the same link.");

    public static readonly Refusal PriorityLinkNotValid = new("priority_link_not_valid",
        "Your priority booking link is not valid for this event. Check you used the whole link from your email.");

    public static readonly Refusal PriorityLinkOtherEmail = new("priority_link_other_email",
        "Enter the email address your priority booking link was sent to: the link works only for that address");

    public static readonly Refusal PriorityLinkUsed = new("priority_link_used",
        "Your priority booking link has already been used to book. Each link books once.");

    public static readonly Refusal OfferEnded = new("offer_ended",
        "This offer has ended: it ran out or was turned down, so the place has gone to the next person waiting. "
        + "If you still want to come, book again from the event page and you will join the waiting list.");

    public static readonly Refusal HoldEnded = new("hold_ended",
        "The time to confirm your email address ran out, so the place went back for someone else. "
        + "If you still want to come, book again from the event page.");

    public static readonly Refusal EventCancelled = new("event_cancelled",
        "This event has been cancelled, so its places can no longer be taken. Contact the organisers if you have questions.");

    public static readonly Refusal EventGone = Refusal.NotFound(ErrorCodes.NotFound, "That event no longer exists.");

    public static readonly Refusal BookingGone = Refusal.NotFound(ErrorCodes.NotFound, "That booking no longer exists.");

    public static readonly Refusal BookingGoneFromList =
        Refusal.NotFound(ErrorCodes.NotFound, "That booking no longer exists. Reload the list of attendees.");

    public static readonly Refusal TicketTypeGone = Refusal.NotFound(ErrorCodes.NotFound, "That ticket type no longer exists.");

    public static readonly Refusal TicketTypeGoneFromList =
        Refusal.NotFound(ErrorCodes.NotFound, "That ticket type no longer exists. Reload the page.");

    public static readonly Refusal QuestionGone = Refusal.NotFound(ErrorCodes.NotFound, "That question no longer exists.");

    public static readonly Refusal QuestionGoneFromList =
        Refusal.NotFound(ErrorCodes.NotFound, "That question no longer exists. Reload the page.");

    public static readonly Refusal ItemGoneFromList = Refusal.NotFound(ErrorCodes.NotFound, "That item no longer exists. Reload the page.");

    /// <summary>Not open (yet) to this visitor, worded with the opening times (see <see cref="BookingOpening.Message"/>).</summary>
    public static Refusal NotOpen(Opening opening, string words) => For(opening) with { Message = words };

    /// <summary>The refusal for a visitor the opening times keep out.</summary>
    public static Refusal For(Opening opening) => opening switch
    {
        Opening.PriorityLinkNotValid => PriorityLinkNotValid,
        Opening.PriorityNotOpenYet => PriorityNotOpenYet,
        _ => NotOpenYet,
    };

    /// <summary>An address outside the allowed domains, where the rule refuses them: which addresses may book, against the email field.</summary>
    public static Refusal NotEligibleAddress(string addresses) => NotEligible with
    {
        Message = $"Only email addresses ending {addresses} can book this event. Enter yours if you have one.",
    };

    public static Refusal OnlyConfirmedCanMove(string name) => WrongState with
    {
        Message = $"Only confirmed bookings can be moved, and {name}'s is not confirmed. Approve or offer them a place first.",
    };

    public static Refusal TicketTypeFull(string name, int? quota) => TargetFull with
    {
        Message = $"\"{name}\" is full: all {quota} places are taken. Raise its quota in the booking settings, or choose another ticket type. Nothing was changed.",
    };

    public static Refusal SessionFull(string title) => TargetFull with
    {
        Message = $"The session \"{title}\" is full. Raise its capacity on the event page, or choose another session. Nothing was changed.",
    };

    public static Refusal TicketTypeInUse(string name, int used) => InUse with
    {
        Message = $"\"{name}\" cannot be removed because {used} {(used == 1 ? "booking uses" : "bookings use")} it (cancelled bookings and the waiting list count too). "
            + "Move those people to another ticket type from the attendees page, or make it hidden so only people with its private link can choose it.",
    };

    public static Refusal QuestionAnswered(string text, int answered) => InUse with
    {
        Message = $"\"{text}\" cannot be removed because {answered} {(answered == 1 ? "person has" : "people have")} answered it. "
            + "Hide it instead: it will no longer be asked, and the answers already given are kept.",
    };

    public static Refusal AlreadyAtEnd(string name, bool up) => WrongState with { Message = $"\"{name}\" is already {(up ? "first" : "last")}." };
}
