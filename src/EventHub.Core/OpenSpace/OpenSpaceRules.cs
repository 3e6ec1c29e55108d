using EventHub.Core.Common;

namespace EventHub.Core.OpenSpace;

/// <summary>Board rules that need no database: lengths, and the warnings a placement raises.</summary>
public static class OpenSpaceRules
{
    public const int MaxTitleLength = 200;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 1_000;

    public static IReadOnlyList<FieldError> ValidateProposal(ProposalInput input)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(ProposalInput.Title), "Enter a title for the session", "Title", input.Title, MaxTitleLength);
        Text(errors, nameof(ProposalInput.ConvenerName), "Enter the convener's name", "Convener's name", input.ConvenerName, MaxNameLength);
        if ((input.Description ?? string.Empty).Trim().Length > MaxDescriptionLength)
        {
            errors.Add(new(nameof(ProposalInput.Description), $"Description must be {MaxDescriptionLength} characters or fewer"));
        }

        return errors;
    }

    /// <summary>Conveners are compared as people type them: trimmed, case and inner spacing ignored.</summary>
    public static string NormaliseName(string? name) =>
        string.Join(' ', (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    /// <summary>
    /// The convener of a session landing in a slot would also be convening another session in that slot.
    /// </summary>
    public static string? ConvenerClash(string convener, IEnumerable<(int SessionId, string Convener, string Title)> othersInSlot, int movingSessionId)
    {
        var name = NormaliseName(convener);
        if (name.Length == 0)
        {
            return null;
        }

        var clash = othersInSlot.FirstOrDefault(o => o.SessionId != movingSessionId && NormaliseName(o.Convener) == name);
        return clash.Title is null ? null : OpenSpaceMessages.ConvenerClash(convener.Trim(), clash.Title);
    }

    public static string? InterestOverCapacity(string title, int interest, int? roomCapacity, string roomName) =>
        roomCapacity is { } cap && interest > cap ? OpenSpaceMessages.InterestOverCapacity(title, interest, roomName, cap) : null;

    private static void Text(List<FieldError> errors, string field, string missing, string label, string? value, int max)
    {
        var v = (value ?? string.Empty).Trim();
        if (v.Length == 0)
        {
            errors.Add(new(field, missing));
        }
        else if (v.Length > max)
        {
            errors.Add(new(field, $"{label} must be {max} characters or fewer"));
        }
    }
}

/// <summary>Stable codes and the words people see for board refusals and warnings.</summary>
public static class OpenSpaceMessages
{
    public const string CellTaken = "cell_taken";
    public const string Pinned = "pinned";
    public const string NotQueued = "not_queued";
    public const string NotOnBoard = "not_on_board";
    public const string SlotInvalid = "slot_invalid";

    public const string CellTakenText = "Another session is already in that room at that time. Choose an empty cell, or swap the two sessions";
    public const string PinnedText = "This session is pinned. Unpin it before moving it";
    public const string NotQueuedText = "This proposal is no longer in the queue";
    public const string NotOnBoardText = "This session is not on the board";
    public const string ForbiddenText = "Only organisers and facilitators can change the board";
    public const string NotFoundText = "That could not be found on this event's board";
    public const string SameSessionText = "Choose two different sessions";
    public const string SlotTimesText = "The slot must end after it starts";
    public const string SlotOverlapText = "This slot overlaps another slot";
    public const string InterestNameText = "Enter your name";
    public const string InterestEmailText = "Enter an email address in the correct format, like name@example.com";

    public static string ConvenerClash(string convener, string otherTitle) =>
        $"{convener} is also convening \"{otherTitle}\" at this time";

    public static string InterestOverCapacity(string title, int interest, string roomName, int capacity) =>
        $"{interest} people would like to go to \"{title}\" but {roomName} holds {capacity}. Consider swapping it with a larger room";
}

/// <summary>Outbox template names for Open Space messages (rendered by the Email feature).</summary>
public static class OpenSpaceEmailTemplates
{
    public const string SessionMoved = "openspace.session-moved";
    public const string SessionMerged = "openspace.session-merged";
}

/// <summary>What a moved/merged message needs: the session as it was and as it is now.</summary>
public sealed record SessionChangedPayload
{
    public required int SessionId { get; init; }

    public required string SessionTitle { get; init; }

    public required string RecipientName { get; init; }

    public string? OldRoom { get; init; }

    public DateTime? OldStartUtc { get; init; }

    public string? NewRoom { get; init; }

    public DateTime? NewStartUtc { get; init; }

    public DateTime? NewEndUtc { get; init; }

    /// <summary>For a merge: the title of the session it now belongs to.</summary>
    public string? MergedIntoTitle { get; init; }
}
