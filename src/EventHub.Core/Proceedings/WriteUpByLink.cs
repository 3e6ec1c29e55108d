namespace EventHub.Core.Proceedings;

/// <summary>What the author of a write-up sees through their own link.</summary>
public sealed record WriteUpByLink(
    string EventSlug, string EventTitle, int SessionId, string SessionTitle, string AuthorName, WriteUpStatus Status,
    bool CreditByName, bool NameWithdrawn);
