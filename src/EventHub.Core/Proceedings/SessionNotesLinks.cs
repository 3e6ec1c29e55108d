using EventHub.Core.Data;
using EventHub.Core.Events;

namespace EventHub.Core.Proceedings;

/// <summary>Proceedings' answer to <see cref="ISessionNotesLinks"/>: the notes row's edit token.</summary>
public sealed class SessionNotesLinks : ISessionNotesLinks
{
    public async Task<string> EnsureEditTokenAsync(EventHubDbContext db, Session session, CancellationToken ct) =>
        (await SessionAccess.EnsureNotesAsync(db, session, ct)).EditToken;
}
