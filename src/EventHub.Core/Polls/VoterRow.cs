namespace EventHub.Core.Polls;

/// <summary>One voter's row in the results table. Emails are never part of it.</summary>
public sealed record VoterRow(int VoterId, string Name, bool HasDuplicateName, IReadOnlyDictionary<int, PollAnswer> Answers);
