namespace EventHub.Core.Bookings;

/// <summary>
/// The seam through which features that hand out priority booking links (poll voters, mailing lists) tell Booking
/// whether a token lets its holder book before booking opens to everyone. Each feature registers its own.
/// </summary>
public interface IPriorityAccess
{
    /// <summary>
    /// The normalised email address a live priority token for this event was sent to, or null when the token is not
    /// one. A link works only for the address it was sent to.
    /// </summary>
    Task<string?> HolderAsync(int eventId, string token, CancellationToken ct);
}
