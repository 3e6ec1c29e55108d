using EventHub.Core.Common;

namespace EventHub.Core.FollowUps;

/// <summary>Stable codes and the words people see for reminders, "still coming?", releasing a place and bulk email.</summary>
public static class FollowUpErrors
{
    public static readonly Refusal EventNotFound =
        Refusal.NotFound(ErrorCodes.NotFound, "That event no longer exists.");

    /// <summary>The manage link in a reminder matches no booking (same code as the booking pages use).</summary>
    public static readonly Refusal LinkNotValid = new("invalid_link", "This link is not valid.");

    /// <summary>Only a confirmed place can be kept or released (same code as the booking pages use).</summary>
    public static readonly Refusal FollowUpSent = Refusal.Conflict("follow_up_sent",
        "The follow-up for this event has already been sent. It goes once, so nobody gets it twice.");

    public static readonly Refusal FollowUpAudience = new("follow_up_audience",
        "Choose who gets the follow-up: everyone who came, or everyone confirmed.");

    /// <summary>The follow-up links to the proceedings, so it waits until they are public.</summary>
    public static readonly Refusal ProceedingsNotPublished = Refusal.Conflict("proceedings_not_published",
        "Publish the proceedings first: the follow-up links to them, and people would find nothing there.");

    /// <summary>Sent already: when and by whom, in the event's zone.</summary>
    public static Refusal FollowUpSentOn(string when, string byName, int copies) => FollowUpSent with
    {
        Message = $"The follow-up for this event was sent on {when} by {byName} to {(copies == 1 ? "1 person" : $"{copies} people")}. It goes once, so nobody gets it twice.",
    };

    public static readonly Refusal NotConfirmed = new("wrong_state", "That cannot be done to this booking as it stands now.");
}
