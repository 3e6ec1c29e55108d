namespace EventHub.Core.OpenSpace;

public sealed record BoardProposal(int Id, string Title, string ConvenerName, string Description, int QueueOrder);
