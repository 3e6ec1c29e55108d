namespace EventHub.Core.MailingLists;

/// <summary>
/// Payload of a list message; the subscription is checked again at sending time. The unsubscribe token is minted for
/// this mail (<see cref="ListLinks"/>).
/// </summary>
/// <param name="PriorityToken">The subscriber's own priority booking token, when the edition was announced with a priority window.</param>
public sealed record ListAnnouncePayload(
    int SubscriptionId, string SeriesName, string UnsubscribeToken,
    string? PriorityToken = null, DateTime? PriorityOpensUtc = null, DateTime? GeneralOpensUtc = null);
