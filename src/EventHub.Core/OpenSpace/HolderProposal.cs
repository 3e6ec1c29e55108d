namespace EventHub.Core.OpenSpace;

/// <summary>
/// One of the holder's own proposals, with where it stands now, in words, its last move on the board if any, and whether
/// it credits them by name (they may then withdraw it from their manage link).
/// </summary>
public sealed record HolderProposal(int Id, string Title, ProposalStatus Status, string Where, string? Moved = null, bool CreditsMe = false);
