using EventHub.Core.Data;

namespace EventHub.Core.Events;

/// <summary>
/// Hands out a session's private notes link (Proceedings keeps the notes), so the Open Space board can mail it to a
/// walk-in convener when their session is placed. Defined here, beside <see cref="Session"/>, so neither feature
/// names the other.
/// </summary>
public interface ISessionNotesLinks
{
    /// <summary>The session's notes edit token, creating its notes on the caller's context (and unit of work) if needed.</summary>
    Task<string> EnsureEditTokenAsync(EventHubDbContext db, Session session, CancellationToken ct);
}
