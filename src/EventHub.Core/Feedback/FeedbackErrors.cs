using EventHub.Core.Common;

namespace EventHub.Core.Feedback;

/// <summary>The feedback feature's refusals, with the words people see.</summary>
public static class FeedbackErrors
{
    public static readonly Refusal LinkNotValid = new("invalid_link", "This link is not valid.");

    public static readonly Refusal NoPlace = new("feedback_no_place", "Only people who had a place at this event can give feedback on it.");

    public static readonly Refusal NotYet = new("feedback_not_yet", "Feedback opens when the event starts. Come back to this link then.");

    public static readonly Refusal Closed = new("feedback_closed", "This event was cancelled, so there is nothing to give feedback on.");

    public static readonly Refusal AlreadyGiven = Refusal.Conflict("feedback_already_given",
        "You have already given your feedback on this event. Thank you: each booking answers once.");

    public static readonly Refusal QuestionGone = Refusal.NotFound(ErrorCodes.NotFound, "That question is no longer on the form.");

    /// <summary>A question moved past the top or the bottom of the form (a stale page).</summary>
    public static Refusal AlreadyAtEnd(string question, bool up) =>
        Refusal.Conflict("feedback_question_at_end", $"\"{question}\" is already {(up ? "first" : "last")} on the form.");

    /// <summary>Only a question answered by choosing one of its options has options to change.</summary>
    public static readonly Refusal NoOptions = Refusal.Conflict("feedback_question_no_options",
        "That question is not answered by choosing an option, so it has no options to change.");

    /// <summary>Answers keep the number of the option chosen: new options would change what people said.</summary>
    public static Refusal OptionsAnswered(string question) =>
        Refusal.Conflict("feedback_options_answered",
            $"People have already answered \"{question}\", so its options cannot change: their answers would then point at different options. "
            + "To ask with other options, remove the question (with its answers) and add a new one.");

    public static readonly Refusal EventGone = Refusal.NotFound(ErrorCodes.NotFound, "That event no longer exists.");
}
