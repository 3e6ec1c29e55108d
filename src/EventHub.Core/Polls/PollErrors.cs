using EventHub.Core.Common;

namespace EventHub.Core.Polls;

/// <summary>The refusals of the Polls feature: stable codes and the words people see.</summary>
public static class PollErrors
{
    public const string ClosedCode = "poll_closed";

    public static readonly Refusal NotFound =
        Refusal.NotFound(ErrorCodes.NotFound, "This poll does not exist. Check the link you were sent.");

    public static readonly Refusal VoterNotFound =
        Refusal.NotFound(ErrorCodes.NotFound, "This link to change your answers does not work. Check the link you were sent.");

    /// <summary>A confirm link that is made up, used already, expired or erased: the same words and not found for all.</summary>
    public static readonly Refusal ConfirmLinkNotValid = CommonRefusals.LinkNotValid;

    /// <summary>A field error: a poll that confirms votes by email needs an address.</summary>
    public static readonly Refusal EmailNeeded = new("poll_email_needed",
        "Enter your email address. This poll counts one vote per address, confirmed by a link we email to you");

    /// <summary>A field error: on a poll that confirms votes by email, a confirmed vote keeps the address it was confirmed at.</summary>
    public static readonly Refusal EmailFixed = new("poll_email_fixed",
        "Your vote was confirmed at this email address, so it cannot change here. To vote with another address, vote again from the poll's link");

    public static readonly Refusal AlreadyFinalised = Refusal.Conflict(ErrorCodes.Conflict, "This poll has already been finalised.");

    public static readonly Refusal Finalised = new("poll_finalised",
        "The organiser has chosen a date, so this poll is finalised. Answers can no longer be added or changed.");

    public static readonly Refusal PersonalDataDeleted = new("poll_data_deleted",
        "The answers to this poll have been deleted, as promised when people voted.");

    /// <summary>A field error: the chosen option is not one of the poll's.</summary>
    public static readonly Refusal OptionNotFound = new("poll_option_not_found", "Choose one of the poll's dates");

    /// <summary>A field error: the series chosen for the poll was deleted meanwhile.</summary>
    public static readonly Refusal SeriesGone = new("poll_series_gone", "That series no longer exists. Choose another or none");

    /// <summary>A field error: the organiser may not add polls to the series they chose.</summary>
    public static readonly Refusal SeriesNotYours = Refusal.Forbidden("poll_series_not_yours",
        "You are not an owner or editor of that series. Choose another or none");

    public static Refusal Closed(DateTime closesUtc, string zoneId) => new(ClosedCode,
        $"This poll closed on {EventTime.FormatDateTime(closesUtc, zoneId)}. Answers can no longer be added or changed.");

    /// <summary>Finalising could not create the draft event; <paramref name="why"/> is the event's own refusal.</summary>
    public static Refusal DraftEventNotCreated(string? why) =>
        Refusal.Conflict(ErrorCodes.Conflict, "The draft event could not be created: " + (why ?? "The event could not be created."));
}
