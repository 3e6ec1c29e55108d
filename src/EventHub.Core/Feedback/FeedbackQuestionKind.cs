namespace EventHub.Core.Feedback;

/// <summary>How an organiser's own feedback question is answered.</summary>
public enum FeedbackQuestionKind
{
    /// <summary>A few words of free text (cleared with the event's personal data).</summary>
    ShortText = 1,

    /// <summary>A score from 1 (poor) to 5 (excellent).</summary>
    Rating = 2,

    /// <summary>One of the organiser's options (<see cref="FeedbackQuestion.OptionList"/>); kept for the figures like a score.</summary>
    SingleChoice = 3,
}
