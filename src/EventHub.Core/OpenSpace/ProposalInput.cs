namespace EventHub.Core.OpenSpace;

public sealed record ProposalInput(string? Title, string? ConvenerName, string? Description = null);
