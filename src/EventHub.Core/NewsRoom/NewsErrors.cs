using EventHub.Core.Common;

namespace EventHub.Core.NewsRoom;

/// <summary>The news room's refusals: stable codes and the words people see.</summary>
public static class NewsErrors
{
    public static readonly Refusal NotFound = Refusal.NotFound(ErrorCodes.NotFound, "That announcement could not be found");

    public static readonly Refusal TextMissing = new("announcement_missing", "Enter the announcement", OutcomeStatus.Invalid);

    public static readonly Refusal TextTooLong =
        new("announcement_too_long", $"The announcement must be {NewsRules.MaxLength} characters or fewer", OutcomeStatus.Invalid);

    public static readonly Refusal TooMany =
        new("announcements_too_many", $"You have posted {NewsRules.PostsPerWindow} announcements in the last {NewsRules.Window.TotalMinutes:0} minutes. Wait a few minutes before posting another", OutcomeStatus.Invalid);
}
