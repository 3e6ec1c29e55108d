namespace EventHub.Core.Bookings;

/// <summary>What happens to a booking from outside the allowed domains.</summary>
public enum OutsideDomainAction
{
    Refuse = 0,
    RequestApproval = 1,
}
