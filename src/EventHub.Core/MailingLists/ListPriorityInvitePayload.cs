namespace EventHub.Core.MailingLists;

/// <summary>Payload of the invite to someone left on the previous edition's waiting list: their own priority link.</summary>
public sealed record ListPriorityInvitePayload(
    string SeriesName, string SeriesSlug, string PreviousEventTitle, string PriorityToken, DateTime? PriorityOpensUtc, DateTime GeneralOpensUtc);
