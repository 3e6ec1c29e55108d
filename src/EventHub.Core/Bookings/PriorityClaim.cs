namespace EventHub.Core.Bookings;

/// <summary>What the visitor's priority token turned out to be.</summary>
public enum PriorityClaim
{
    /// <summary>No token given (or none needed: booking is already open to everyone).</summary>
    None = 0,
    Valid = 1,
    NotValid = 2,

    /// <summary>A live link, but sent to another address than the one booking.</summary>
    OtherEmail = 3,
}
