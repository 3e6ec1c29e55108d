using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>
/// Which events' mail an organiser may read. A message holds an attendee's manage link, so the outgoing-mail page
/// filters by it; Events answers from the actor's roles (Email knows no feature, so it asks through this seam).
/// </summary>
public interface IOutgoingMailAccess
{
    Task<AccessScope> ReadableAsync(EventHubDbContext db, Actor actor, CancellationToken ct);
}
