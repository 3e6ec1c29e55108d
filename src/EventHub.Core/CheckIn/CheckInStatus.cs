namespace EventHub.Core.CheckIn;

public enum CheckInStatus
{
    CheckedIn = 1,
    AlreadyCheckedIn = 2,
    NotValid = 3,

    /// <summary>The door itself may not check people in (link revoked, expired, for another event; not an organiser).</summary>
    DoorNotAllowed = 4,
}
