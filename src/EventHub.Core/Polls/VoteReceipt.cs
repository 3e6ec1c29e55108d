namespace EventHub.Core.Polls;

/// <summary>What a voter gets back after voting: the private link token to change their answers.</summary>
public sealed record VoteReceipt(int VoterId, string EditToken, bool EmailQueued);
