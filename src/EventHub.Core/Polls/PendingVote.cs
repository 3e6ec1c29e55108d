namespace EventHub.Core.Polls;

/// <summary>What the confirm link's page shows: the poll and the answers waiting to be confirmed.</summary>
public sealed record PendingVote(PollView Poll, string Name, IReadOnlyDictionary<int, PollAnswer> Answers);
