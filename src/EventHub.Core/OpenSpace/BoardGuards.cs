using EventHub.Core.Common;

namespace EventHub.Core.OpenSpace;

/// <summary>The checks every board change repeats, each answering the refusal to give, or null to go on.</summary>
internal static class BoardGuards
{
    /// <summary>Only organisers and facilitators change the board.</summary>
    public static Refusal? Organiser(Actor actor) => actor.IsOrganiser ? null : OpenSpaceErrors.Forbidden;

    /// <summary>The proposal exists and still waits in the pitch queue.</summary>
    public static Refusal? Queued(Proposal? proposal) =>
        proposal is null ? OpenSpaceErrors.NotFound
        : proposal.Status != ProposalStatus.Queued ? OpenSpaceErrors.NotQueued
        : null;

    /// <summary>Two different sessions were chosen.</summary>
    public static Refusal? Different(int firstSessionId, int secondSessionId) =>
        firstSessionId == secondSessionId ? OpenSpaceErrors.SameSession : null;

    /// <summary>Every session asked for has a cell on the board, and they all belong to the same event.</summary>
    public static Refusal? OnSameBoard(params BoardCell?[] cells) =>
        cells.Any(c => c is null) || cells.Select(c => c!.EventId).Distinct().Count() > 1 ? OpenSpaceErrors.NotOnBoard : null;

    /// <summary>None of these cells is pinned.</summary>
    public static Refusal? NotPinned(params BoardCell[] cells) => cells.Any(c => c.IsPinned) ? OpenSpaceErrors.Pinned : null;
}
