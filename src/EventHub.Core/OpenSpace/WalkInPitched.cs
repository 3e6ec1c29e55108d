namespace EventHub.Core.OpenSpace;

/// <summary>A walk-in's pitch as it was received: in the queue, or waiting for an organiser.</summary>
public sealed record WalkInPitched(int ProposalId, string Title, bool AwaitingModeration);
