namespace EventHub.Core.Email;

/// <summary>What one delivery pass did.</summary>
public sealed record DeliveryReport(int Claimed, int Sent, int Failed, int Deferred, int Suppressed)
{
    public static DeliveryReport Nothing { get; } = new(0, 0, 0, 0, 0);
}
