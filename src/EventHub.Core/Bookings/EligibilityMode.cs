namespace EventHub.Core.Bookings;

public enum EligibilityMode
{
    OpenToAll = 0,
    AllowedDomains = 1,
    ApprovalRequired = 2,
}
