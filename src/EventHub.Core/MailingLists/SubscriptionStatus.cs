namespace EventHub.Core.MailingLists;

public enum SubscriptionStatus
{
    /// <summary>Signed up, confirmation link not clicked yet: gets no list mail.</summary>
    Pending = 0,
    Confirmed = 1,
    Unsubscribed = 2,
}
