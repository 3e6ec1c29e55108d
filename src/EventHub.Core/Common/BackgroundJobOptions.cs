namespace EventHub.Core.Common;

/// <summary>
/// "EventHub:BackgroundJobs": whether this node runs the background jobs (outbox delivery, offer expiry, reminders,
/// bulk-email resume, retention and poll sweeps), and how long a job's lease lasts. Every job claims its work with a
/// lease in the database, so the jobs are safe on every node: leave them on everywhere, and a node that dies hands
/// its work to the others when its lease runs out.
/// </summary>
public sealed class BackgroundJobOptions
{
    public const string Section = "EventHub:BackgroundJobs";

    public bool Enabled { get; set; } = true;

    /// <summary>How long a sweep's lease lasts unless renewed (renewed at a third of it): how soon a dead node's work is taken over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
