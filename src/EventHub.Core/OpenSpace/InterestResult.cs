namespace EventHub.Core.OpenSpace;

public sealed record InterestResult(int SessionId, int InterestCount, string? Warning);
