namespace EventHub.Core.Common;

/// <summary>
/// Leases in the shared database that let one holder at a time do a named piece of background work ("the offer
/// expiry sweep", "bulk email 42"). A lease ends when released or when its holder stops renewing it (a node that
/// died), after which anyone may take it over.
/// </summary>
public interface IJobLeases
{
    /// <summary>How long a lease lasts unless renewed; holders renew at a third of it.</summary>
    TimeSpan Duration { get; }

    /// <summary>Takes the lease on <paramref name="job"/> when nobody holds it or its holder's lease has ended; null when it is held.</summary>
    Task<HeldLease?> TryAcquireAsync(string job, CancellationToken ct = default);

    /// <summary>Extends a lease this holder still has; false when it ended and someone else took it (stop working).</summary>
    Task<bool> RenewAsync(HeldLease lease, CancellationToken ct = default);

    /// <summary>Ends a lease early so the next sweep, on any node, need not wait for it to run out.</summary>
    Task ReleaseAsync(HeldLease lease, CancellationToken ct = default);
}
