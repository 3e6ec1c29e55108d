namespace EventHub.Core.MailingLists;

/// <summary>How many announcements were queued, and how many invites to the previous edition's waiting list.</summary>
public sealed record ListAnnounceResult(int Subscribers, int PreviousWaiters, bool WithPriority)
{
    public int Total => Subscribers + PreviousWaiters;
}
