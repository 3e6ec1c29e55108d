using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>
/// Loads the <see cref="EmailEvent"/> an outbox message names. The Events feature implements it, so Email renders
/// event details without knowing where events live.
/// </summary>
public interface IEmailEventSource
{
    /// <summary>The event as it is now, read through the delivery's own context; null when it no longer exists.</summary>
    Task<EmailEvent?> FindAsync(EventHubDbContext db, int eventId, CancellationToken ct);
}
