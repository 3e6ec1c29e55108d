using EventHub.Core.Data;
using EventHub.Core.Events;

namespace EventHub.Core.Proceedings;

/// <summary>Proceedings' answer to <see cref="ISessionNotesLinks"/>: a notes link of its own for each mail.</summary>
public sealed class SessionNotesLinks(TimeProvider clock) : ISessionNotesLinks
{
    public async Task<string> MintForMailAsync(EventHubDbContext db, Session session, string template, CancellationToken ct)
    {
        await SessionAccess.EnsureNotesAsync(db, session, ct);
        return NotesLinks.Mint(db, session.Id, template, clock.GetUtcNow().UtcDateTime);
    }
}
