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

    /// <summary>A walk-in's pitch: their name and a title, and an email address only if they want their notes link.</summary>
    public static IReadOnlyList<FieldError> ValidateWalkIn(WalkInPitchInput input)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(WalkInPitchInput.ConvenerName), "Enter your name", "Your name", input.ConvenerName, MaxNameLength);
        Text(errors, nameof(WalkInPitchInput.Title), "Enter a title for your session", "Title", input.Title, MaxTitleLength);
        if (!string.IsNullOrWhiteSpace(input.Email) && !EmailAddresses.IsValid(input.Email))
        {
            errors.Add(new(nameof(WalkInPitchInput.Email), OpenSpaceErrors.InterestEmail.Message));
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
        return clash.Title is null ? null : $"{convener.Trim()} is also convening \"{clash.Title}\" at this time";
    }

    public static string? InterestOverCapacity(string title, int interest, int? roomCapacity, string roomName) =>
        roomCapacity is { } cap && interest > cap
            ? $"{interest} people would like to go to \"{title}\" but {roomName} holds {cap}. Consider swapping it with a larger room"
            : null;

    internal static string Truncate(string value, int max) => Texts.Truncate(value, max);

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
