namespace EventHub.Core.Polls;

/// <summary>Who holds a priority booking token: to prefill the booking form.</summary>
public sealed record PriorityHolder(int EventId, string Name, string? Email);
