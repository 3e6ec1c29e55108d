namespace EventHub.Core.MailingLists;

/// <summary>Payload of the confirmation message ("click to join the list").</summary>
public sealed record ListConfirmPayload(string SeriesName, string SeriesSlug, string ConfirmToken);
