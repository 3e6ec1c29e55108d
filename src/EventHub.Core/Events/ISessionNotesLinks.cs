using EventHub.Core.Data;

namespace EventHub.Core.Events;

/// <summary>
/// Hands out a session's private notes link (Proceedings keeps the notes), so the Open Space board can mail it to a
/// walk-in convener when their session is placed. Defined here, beside <see cref="Session"/>, so neither feature
/// names the other.
/// </summary>
public interface ISessionNotesLinks
{
    /// <summary>
    /// A new notes link for one mail (its token; only the hash is kept), added to the caller's unit of work, creating the
    /// session's notes if needed.
    /// </summary>
    Task<string> MintForMailAsync(EventHubDbContext db, Session session, string template, CancellationToken ct);
}
