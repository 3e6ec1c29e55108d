using EventHub.Core.Common;

namespace EventHub.Core.Polls;

/// <summary>The refusals of the Polls feature: stable codes and the words people see.</summary>
public static class PollErrors
{
    public const string ClosedCode = "poll_closed";
    public const string FinalisedCode = "poll_finalised";
    public const string PersonalDataDeletedCode = "poll_data_deleted";

    public const string NotFoundMessage = "This poll does not exist. Check the link you were sent.";
    public const string VoterNotFoundMessage = "This link to change your answers does not work. Check the link you were sent.";
    public const string ForbiddenMessage = "Sign in as an organiser to do that.";
    public const string AlreadyFinalisedMessage = "This poll has already been finalised.";
    public const string OptionNotFoundMessage = "Choose one of the poll's dates";
    public const string PersonalDataDeletedMessage = "The answers to this poll have been deleted, as promised when people voted.";

    public static string ClosedMessage(DateTime closesUtc, string zoneId) =>
        $"This poll closed on {EventTime.FormatDateTime(closesUtc, zoneId)}. Answers can no longer be added or changed.";

    public static string FinalisedMessage { get; } =
        "The organiser has chosen a date, so this poll is finalised. Answers can no longer be added or changed.";

    public static Outcome<T> NotFound<T>() => Outcome<T>.Refused(ErrorCodes.NotFound, NotFoundMessage);

    public static Outcome<T> Forbidden<T>() => Outcome<T>.Refused(ErrorCodes.Forbidden, ForbiddenMessage);
}
