namespace EventHub.Core.Polls;

/// <summary>One option's Yes and If need be counts, for choosing the most popular.</summary>
public sealed record OptionTally(int OptionId, DateTime StartUtc, int Yes, int IfNeedBe);
