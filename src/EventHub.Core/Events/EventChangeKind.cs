namespace EventHub.Core.Events;

public enum EventChangeKind
{
    /// <summary>The time, time zone or place changed: people holding a place need the new details.</summary>
    Rescheduled = 0,

    Cancelled = 1,
}
