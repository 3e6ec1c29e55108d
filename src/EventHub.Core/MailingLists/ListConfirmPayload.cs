namespace EventHub.Core.MailingLists;

/// <summary>Payload of the confirmation message ("click to join the list"); the token is minted for this mail (<see cref="ListLinks"/>).</summary>
public sealed record ListConfirmPayload(string SeriesName, string SeriesSlug, string ConfirmToken);
