namespace EventHub.Core.Bookings;

/// <summary>Site-wide booking settings (configuration section <c>EventHub:Bookings</c>).</summary>
public sealed class BookingOptions
{
    public const string Section = "EventHub:Bookings";

    public const int DefaultHoldMinutes = 30;

    /// <summary>How long a place is held for someone who has not yet confirmed their email address (events that ask for it).</summary>
    public int HoldMinutes { get; set; } = DefaultHoldMinutes;

    public TimeSpan Hold => TimeSpan.FromMinutes(Math.Max(1, HoldMinutes));
}
