namespace EventHub.Core.Bookings;

public enum AllocationDecision
{
    Confirmed,
    Waitlisted,
    PendingApproval,
    Refused,
}
