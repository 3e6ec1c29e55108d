namespace EventHub.Core.Polls;

/// <summary>One candidate date with its counts. <see cref="IsMostPopular"/> marks the option the rule picks.</summary>
public sealed record OptionResult(int OptionId, DateTime StartUtc, DateTime EndUtc, string Label, int Yes, int IfNeedBe, int No, bool IsMostPopular);
