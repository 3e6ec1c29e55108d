namespace EventHub.Core.OpenSpace;

/// <summary>What the manage page shows a confirmed ticket holder of an Open Space or Hybrid event.</summary>
public sealed record TicketHolderBoard(
    int EventId, string EventSlug, string ConvenerName, bool CanPropose,
    IReadOnlyList<HolderProposal> Proposals, IReadOnlyList<HolderSession> Sessions);
