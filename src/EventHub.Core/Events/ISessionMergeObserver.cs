using EventHub.Core.Data;

namespace EventHub.Core.Events;

/// <summary>
/// Told when one session is merged into another (the Open Space board merges sessions), so a feature that keeps rows
/// per session (Proceedings: notes, materials, write-ups) can move them before the absorbed session is deleted and
/// its rows cascade with it. Defined here, beside <see cref="Session"/>, so neither feature names the other.
/// </summary>
public interface ISessionMergeObserver
{
    /// <summary>Runs inside the merge's transaction on its context; the merge saves and commits afterwards.</summary>
    Task SessionMergingAsync(EventHubDbContext db, Session gone, Session keep, CancellationToken ct);
}
