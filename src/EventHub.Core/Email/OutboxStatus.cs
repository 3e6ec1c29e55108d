namespace EventHub.Core.Email;

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent on purpose, e.g. list mail to an address that unsubscribed after it was queued.</summary>
    Suppressed = 3,
}
