namespace EventHub.Core.Polls;

/// <summary>The result of finalising: the poll and the draft event made from it.</summary>
public sealed record FinaliseReceipt(int PollId, int EventId, int OptionId);
