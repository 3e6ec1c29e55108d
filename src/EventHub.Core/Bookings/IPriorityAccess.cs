namespace EventHub.Core.Bookings;

/// <summary>
/// The seam through which features that hand out priority booking links (poll voters, mailing lists) tell Booking
/// whether a token lets its holder book before booking opens to everyone. Each feature registers its own.
/// </summary>
public interface IPriorityAccess
{
    /// <summary>True when <paramref name="token"/> is a live priority token for this event.</summary>
    Task<bool> AllowsAsync(int eventId, string token, CancellationToken ct);
}
