using EventHub.Core.Common;

namespace EventHub.Core.Polls;

/// <summary>The poll rules that need no database. Pure functions.</summary>
public static class PollRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxPlaceLength = 200;
    public const int MaxNameLength = 100;
    public const int MaxOptions = 30;

    /// <summary>
    /// The most popular option: most Yes; a tie goes to most If need be, then to the earliest date.
    /// Null only when there are no options.
    /// </summary>
    public static int? MostPopular(IEnumerable<OptionTally> tallies) =>
        tallies
            .OrderByDescending(t => t.Yes)
            .ThenByDescending(t => t.IfNeedBe)
            .ThenBy(t => t.StartUtc)
            .ThenBy(t => t.OptionId)
            .Select(t => (int?)t.OptionId)
            .FirstOrDefault();

    /// <summary>
    /// Which rule picked <paramref name="mostPopularId"/> over the dates with as many Yes answers: more If need be,
    /// or (tied on that too) the earlier date. <see cref="PollTieBreak.None"/> when no other date tied on Yes.
    /// </summary>
    public static PollTieBreak TieBreak(IReadOnlyCollection<OptionTally> tallies, int? mostPopularId)
    {
        if (tallies.FirstOrDefault(t => t.OptionId == mostPopularId) is not { } chosen)
        {
            return PollTieBreak.None;
        }

        var tiedOnYes = tallies.Where(t => t.OptionId != chosen.OptionId && t.Yes == chosen.Yes).ToList();
        return tiedOnYes.Count == 0 ? PollTieBreak.None
            : tiedOnYes.Exists(t => t.IfNeedBe == chosen.IfNeedBe) ? PollTieBreak.EarlierDate
            : PollTieBreak.MoreIfNeedBe;
    }

    /// <summary>The form names are compared on to flag duplicates: trimmed, single spaces, case-insensitive.</summary>
    public static string NameKey(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>Why a vote cannot be added or changed now, or null when it can.</summary>
    public static Refusal? VotingRefusal(PollStatus status, DateTime? closesUtc, string zoneId, DateTime nowUtc)
    {
        if (status == PollStatus.Finalised)
        {
            return PollErrors.Finalised;
        }

        if (closesUtc is { } closes && nowUtc >= closes)
        {
            return PollErrors.Closed(closes, zoneId);
        }

        return null;
    }

    /// <summary>Why this poll takes no vote now (its answers deleted, finalised or closed), or null when it does.</summary>
    public static Refusal? VotingRefusal(Poll poll, DateTime nowUtc) =>
        poll.PersonalDataDeletedUtc is not null ? PollErrors.PersonalDataDeleted : VotingRefusal(poll.Status, poll.ClosesUtc, poll.TimeZoneId, nowUtc);

    public static string OptionField(int index) => $"Options[{index}]";

    public static string AnswerField(int optionId) => $"Answer-{optionId}";

    public sealed record PollTimes(DateTime? ClosesUtc, IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)> Options);

    public static IReadOnlyList<FieldError> Validate(PollInput input, DateTime nowUtc, out PollTimes? times)
    {
        var errors = new List<FieldError>();
        times = null;
        Text(errors, nameof(PollInput.Title), "title", input.Title, MaxTitleLength, required: true);
        Text(errors, nameof(PollInput.Description), "description", input.Description, MaxDescriptionLength, required: false);
        Text(errors, nameof(PollInput.Place), "place", input.Place, MaxPlaceLength, required: true);

        if (!EventTime.TryFindZone(input.TimeZoneId, out var zone))
        {
            errors.Add(new(nameof(PollInput.TimeZoneId), "Select a time zone from the list"));
            return errors;
        }

        DateTime? closesUtc = null;
        if (input.ClosesLocal is { } closesLocal)
        {
            if (!EventTime.TryToUtc(closesLocal, zone, out var c))
            {
                errors.Add(new(nameof(PollInput.ClosesLocal), "The closing time does not exist in this time zone because the clocks go forward. Enter a different time"));
            }
            else if (c <= nowUtc)
            {
                errors.Add(new(nameof(PollInput.ClosesLocal), "The closing time must be in the future"));
            }
            else
            {
                closesUtc = c;
            }
        }

        var options = new List<(DateTime, DateTime)>();
        if (input.Options.Count == 0)
        {
            errors.Add(new(OptionField(0), "Add at least one date"));
        }
        else if (input.Options.Count > MaxOptions)
        {
            errors.Add(new(OptionField(MaxOptions), $"A poll can have up to {MaxOptions} dates"));
        }

        for (var i = 0; i < input.Options.Count && i < MaxOptions; i++)
        {
            var option = input.Options[i];
            var field = OptionField(i);
            var n = i + 1;
            if (option.StartLocal is not { } start || option.EndLocal is not { } end)
            {
                errors.Add(new(field, $"Enter the start and end of date {n}"));
                continue;
            }

            if (!EventTime.TryToUtc(start, zone, out var startUtc) || !EventTime.TryToUtc(end, zone, out var endUtc))
            {
                errors.Add(new(field, $"Date {n} uses a time that does not exist because the clocks go forward. Enter a different time"));
                continue;
            }

            if (endUtc <= startUtc)
            {
                errors.Add(new(field, $"The end of date {n} must be after its start"));
                continue;
            }

            if (options.Contains((startUtc, endUtc)))
            {
                errors.Add(new(field, $"Date {n} is the same as an earlier date. Change it or remove it"));
                continue;
            }

            options.Add((startUtc, endUtc));
        }

        if (errors.Count == 0)
        {
            times = new PollTimes(closesUtc, options.OrderBy(o => o.Item1).ToList());
        }

        return errors;
    }

    /// <summary>
    /// Checks a vote against the poll's options; every option needs an answer, and an email address when the poll
    /// confirms votes by email (<paramref name="emailNeeded"/>).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(VoteInput input, IReadOnlyList<(int OptionId, string Label)> options, bool emailNeeded = false)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(VoteInput.Name), "name", input.Name, MaxNameLength, required: true);
        if (emailNeeded && string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add(new(nameof(VoteInput.Email), PollErrors.EmailNeeded.Message));
        }
        else if (!string.IsNullOrWhiteSpace(input.Email) && !EmailAddresses.IsValid(input.Email))
        {
            errors.Add(new(nameof(VoteInput.Email), "Enter an email address in the correct format, like name@example.com"));
        }

        foreach (var (optionId, label) in options)
        {
            if (!input.Answers.TryGetValue(optionId, out var answer) || answer is null || !Enum.IsDefined(answer.Value))
            {
                errors.Add(new(AnswerField(optionId), $"Select Yes, If need be or No for {label}"));
            }
        }

        return errors;
    }

    private static void Text(List<FieldError> errors, string field, string label, string? value, int max, bool required)
    {
        var trimmed = (value ?? string.Empty).Trim();
        if (required && trimmed.Length == 0)
        {
            errors.Add(new(field, $"Enter a {label}"));
        }
        else if (trimmed.Length > max)
        {
            var capital = char.ToUpperInvariant(label[0]) + label[1..];
            errors.Add(new(field, $"{capital} must be {max} characters or fewer"));
        }
    }
}
