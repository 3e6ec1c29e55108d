namespace EventHub.Core.CheckIn;

public enum CheckInStatus
{
    CheckedIn = 1,
    AlreadyCheckedIn = 2,
    NotValid = 3,

    /// <summary>The door itself may not check people in (link revoked, expired, for another event; not an organiser).</summary>
    DoorNotAllowed = 4,
}

/// <summary>Stable codes for every scan result, with the words the door shows.</summary>
public static class CheckInError
{
    public const string CheckedIn = "checked_in";
    public const string AlreadyCheckedIn = "already_checked_in";
    public const string Cancelled = "cancelled";
    public const string AwaitingApproval = "awaiting_approval";
    public const string Waitlisted = "waiting_list";
    public const string Offered = "offered_not_accepted";
    public const string Declined = "declined";
    public const string OtherEvent = "ticket_for_another_event";
    public const string UnknownCode = "unknown_code";
    public const string DoorLinkInvalid = "door_link_invalid";
    public const string Forbidden = "forbidden";
    public const string NotCheckedIn = "not_checked_in";
    public const string InvalidLink = "invalid_door_link_input";

    public static string Message(string code) => code switch
    {
        CheckedIn => "Checked in",
        AlreadyCheckedIn => "Already checked in",
        Cancelled => "Not valid: this booking was cancelled",
        AwaitingApproval => "Not valid: this booking is still awaiting approval",
        Waitlisted => "Not valid: this person is on the waiting list",
        Offered => "Not valid: a place was offered but not yet accepted",
        Declined => "Not valid: this booking was declined",
        OtherEvent => "Not valid: this ticket is for another event",
        UnknownCode => "Not valid: we do not recognise this code",
        DoorLinkInvalid => "This door link is not valid now. Ask the organiser for a new link.",
        Forbidden => "Sign in as an organiser to do that.",
        NotCheckedIn => "This person is not checked in.",
        _ => "Something went wrong with the check-in.",
    };
}

public static class CheckInRules
{
    public const int MaxLabelLength = 100;
    public const int MaxCodeLength = 64;
    public const int MaxSearchLength = 100;
}
