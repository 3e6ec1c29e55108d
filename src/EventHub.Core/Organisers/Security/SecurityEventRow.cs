namespace EventHub.Core.Organisers.Security;

/// <summary>One entry as administrators read it.</summary>
public sealed record SecurityEventRow(long Id, DateTime AtUtc, SecurityAction Action, string ActorName, int? EventId, string Summary, string? ClientAddress);
