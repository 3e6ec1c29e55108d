namespace EventHub.Core.Common;

/// <summary>
/// "EventHub:BackgroundJobs": whether this node runs the background jobs (outbox delivery, offer expiry, reminders,
/// retention and poll sweeps). With several nodes, until every job claims its work with a lease, turn them off on
/// all nodes but one.
/// </summary>
public sealed class BackgroundJobOptions
{
    public const string Section = "EventHub:BackgroundJobs";

    public bool Enabled { get; set; } = true;
}
