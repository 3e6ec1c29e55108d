namespace EventHub.Core.MailingLists;

/// <summary>Why someone was given a priority booking link when an edition was announced.</summary>
public enum PriorityGrantReason
{
    /// <summary>A confirmed subscriber of the series' mailing list.</summary>
    Subscriber = 1,

    /// <summary>On the waiting list of the series' previous edition and never got a place.</summary>
    PreviousWaiter = 2,
}
