using EventHub.Core.Common;

namespace EventHub.Core.OpenSpace;

/// <summary>The Open Space board's refusals: stable codes and the words people see.</summary>
public static class OpenSpaceErrors
{
    public static readonly Refusal Forbidden =
        Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers and facilitators can change the board");

    public static readonly Refusal NotFound =
        Refusal.NotFound(ErrorCodes.NotFound, "That could not be found on this event's board");

    public static readonly Refusal NoProposals =
        Refusal.NotFound(ErrorCodes.NotFound, "This event does not take session proposals");

    public static readonly Refusal CellTaken =
        new("cell_taken", "Another session is already in that room at that time. Choose an empty cell, or swap the two sessions");

    /// <summary>A new session (from the queue) for a cell already taken: there is nothing to swap it with.</summary>
    public static readonly Refusal CellTakenForProposal =
        new("cell_taken", "Another session is already in that room at that time. Choose an empty cell");

    /// <summary>An overflow copy runs at the same time as its session.</summary>
    public static readonly Refusal CopySameSlot =
        new("overflow_slot", "An overflow room runs at the same time as its session. Choose an empty room in the same time slot");

    public static readonly Refusal CellTakenForCopy =
        new("cell_taken", "Another session is already in that room at that time. Choose an empty room in the same time slot for the overflow");

    public static readonly Refusal NotACopy = new("not_an_overflow", "This session is not an overflow copy");

    /// <summary>A session with an overflow copy (or the copy) moves only within its time slot.</summary>
    public static Refusal LinkedKeepsSlot(string title, string otherRooms) =>
        new("overflow_slot", $"“{title}” also runs in {otherRooms} at this time, so it can only move to another room in the same time slot. Remove the overflow copy first to move it to another time");

    /// <summary>Merging away a session with an overflow copy would leave the copy without its session.</summary>
    public static Refusal LinkedMerge(string title, string otherRooms) =>
        new("overflow_merge", $"“{title}” also runs in {otherRooms}. Remove the overflow copy before merging it into another session");

    public static readonly Refusal Pinned = new("pinned", "This session is pinned. Unpin it before moving it");

    public static readonly Refusal NotQueued = new("not_queued", "This proposal is no longer in the queue");

    public static readonly Refusal NotOnBoard = new("not_on_board", "This session is not on the board");

    public static readonly Refusal SameSession = Refusal.Conflict(ErrorCodes.Conflict, "Choose two different sessions");

    public static readonly Refusal SlotInUse =
        Refusal.Conflict(ErrorCodes.Conflict, "Move the sessions out of this slot before removing it");

    public static readonly Refusal SlotTimes = new("slot_invalid", "The slot must end after it starts", OutcomeStatus.Invalid);

    public static readonly Refusal SlotOverlap = new("slot_invalid", "This slot overlaps another slot", OutcomeStatus.Invalid);

    public static readonly Refusal OneStep = new("offset_invalid", "Move one place up or down", OutcomeStatus.Invalid);

    public static readonly Refusal InterestName = new("name_missing", "Enter your name", OutcomeStatus.Invalid);

    public static readonly Refusal InterestEmail =
        new("email_invalid", "Enter an email address in the correct format, like name@example.com", OutcomeStatus.Invalid);

    public static readonly Refusal NotAHolder =
        new("not_a_ticket_holder", "Only people with a confirmed place can propose sessions or mark interest from this page");

    public static readonly Refusal Ended =
        new("not_a_ticket_holder", "This event has finished, so the board no longer takes proposals");

    public static readonly Refusal WalkInsClosed =
        Refusal.Forbidden("walk_ins_closed", "This event takes session proposals from ticket holders only. Ask a facilitator at the pitch desk");

    public static readonly Refusal PitchingEnded =
        new("pitching_ended", "This event has finished, so the board no longer takes proposals");

    public static readonly Refusal NobodyToPitch =
        Refusal.Conflict("nobody_to_pitch", "Everyone in the queue has pitched. New pitches join the end of the queue");

    public static readonly Refusal NotAwaitingModeration =
        Refusal.Conflict(ErrorCodes.Conflict, "This pitch has already been let into the queue or turned down");
}
