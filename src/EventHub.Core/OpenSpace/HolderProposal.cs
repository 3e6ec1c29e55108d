namespace EventHub.Core.OpenSpace;

/// <summary>One of the holder's own proposals, with where it stands now, in words, and its last move on the board if any.</summary>
public sealed record HolderProposal(int Id, string Title, ProposalStatus Status, string Where, string? Moved = null);
