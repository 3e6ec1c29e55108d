namespace EventHub.Core.Feedback;

/// <summary>A new question for the feedback form, as the organiser typed it; <paramref name="Options"/> one per line, for a single choice.</summary>
public sealed record FeedbackQuestionInput(string? Text, FeedbackQuestionKind Kind, string? Options = null);
