using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>The allocator's answer; <see cref="Refusal"/> comes from <see cref="BookingErrors"/> when refused.</summary>
public sealed record Allocation(AllocationDecision Decision, Refusal? Refusal = null)
{
    public static Allocation Confirmed { get; } = new(AllocationDecision.Confirmed);

    public static Allocation Waitlisted { get; } = new(AllocationDecision.Waitlisted);

    public static Allocation PendingApproval { get; } = new(AllocationDecision.PendingApproval);

    /// <summary>The refusal's stable code, when refused.</summary>
    public string? RefusalCode => Refusal?.Code;

    public static Allocation Refused(Refusal refusal) => new(AllocationDecision.Refused, refusal);
}
