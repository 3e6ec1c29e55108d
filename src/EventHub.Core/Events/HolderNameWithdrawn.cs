namespace EventHub.Core.Events;

/// <summary>A ticket holder's name taken off their proposals: the event, and the sessions those proposals placed.</summary>
public sealed record HolderNameWithdrawn(int EventId, IReadOnlyList<int> SessionIds);
