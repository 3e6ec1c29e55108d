using EventHub.Core.Bookings;
using EventHub.Core.Common;

namespace EventHub.Core.CheckIn;

/// <summary>The refusals of check-in (a scan that does not let someone in, a door that may not scan): stable codes and the words the door shows.</summary>
public static class CheckInErrors
{
    public static readonly Refusal Cancelled = new("cancelled", "Not valid: this booking was cancelled");

    public static readonly Refusal AwaitingApproval = new("awaiting_approval", "Not valid: this booking is still awaiting approval");

    public static readonly Refusal Waitlisted = new("waiting_list", "Not valid: this person is on the waiting list");

    public static readonly Refusal Offered = new("offered_not_accepted", "Not valid: a place was offered but not yet accepted");

    public static readonly Refusal Held = new("held_not_confirmed", "Not valid: the place is held but the email address was never confirmed");

    public static readonly Refusal Declined = new("declined", "Not valid: this booking was declined");

    public static readonly Refusal OnlinePlace = new("online_place", "Not valid at the door: this is an online place. Ask an organiser whether there is room; they can move the booking to an in-person ticket");

    public static readonly Refusal OtherEvent = new("ticket_for_another_event", "Not valid: this ticket is for another event");

    public static readonly Refusal UnknownCode = new("unknown_code", "Not valid: we do not recognise this code");

    public static readonly Refusal DoorLinkInvalid = Refusal.Forbidden("door_link_invalid", "This door link is not valid now. Ask the organiser for a new link.");

    public static readonly Refusal Forbidden = CommonRefusals.SignInAsOrganiser;

    public static readonly Refusal NotCheckedIn = new("not_checked_in", "This person is not checked in.");

    public static readonly Refusal EventNotFound = Refusal.NotFound(ErrorCodes.NotFound, "Event not found.");

    public static readonly Refusal DoorLinkGone = Refusal.NotFound(ErrorCodes.NotFound, "That link is already revoked or does not exist.");

    public static readonly Refusal OfflineBatchTooLarge = new("offline_batch_too_large", $"Send at most {CheckInRules.MaxOfflineBatch} offline check-ins at a time.");

    public static readonly Refusal OfflineSaltInvalid = new("offline_salt_invalid", "This device's offline list is not valid. Forget this device and prepare it again.");

    /// <summary>Why a booking in this state does not let its holder in, or null when it does (confirmed).</summary>
    public static Refusal? ForStatus(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => null,
        BookingStatus.Cancelled => Cancelled,
        BookingStatus.AwaitingApproval => AwaitingApproval,
        BookingStatus.Waiting => Waitlisted,
        BookingStatus.Offered => Offered,
        BookingStatus.Held => Held,
        _ => Declined,
    };

    /// <summary>A door link's window may not run past the day after the event (<see cref="CheckInRules.LatestDoorLinkEndUtc"/>).</summary>
    public static Refusal DoorLinkEndsTooLate(DateTime latestUtc, string? zoneId) =>
        new("door_link_ends_too_late", $"A door link must stop working by the end of {EventTime.ToLocal(latestUtc.AddMinutes(-1), zoneId).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, the day after the event");

    /// <summary>The door may not scan: an organiser page whose actor is not one, or a door link that is not valid now.</summary>
    public static Refusal DoorNotAllowed(Door door) => door.LinkToken is null ? Forbidden : DoorLinkInvalid;
}
