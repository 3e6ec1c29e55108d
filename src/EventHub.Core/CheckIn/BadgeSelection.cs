namespace EventHub.Core.CheckIn;

/// <summary>Whose badges to print: everyone with a confirmed place, or only those not yet checked in (late printing on the day).</summary>
public enum BadgeSelection
{
    Everyone = 0,
    NotCheckedIn = 1,
}
