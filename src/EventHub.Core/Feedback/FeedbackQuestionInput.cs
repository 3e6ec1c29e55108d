namespace EventHub.Core.Feedback;

/// <summary>A new question for the feedback form, as the organiser typed it.</summary>
public sealed record FeedbackQuestionInput(string? Text, FeedbackQuestionKind Kind);
