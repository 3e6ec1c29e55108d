namespace EventHub.Core.Feedback;

/// <summary>
/// The answers to one organiser's question: for a score, how many gave 1 to 5 (<see cref="ScoreCounts"/>, index 0 is
/// 1) and the average; for a single choice, how many chose each of <see cref="Options"/> (<see cref="OptionCounts"/>,
/// in the same order); for text, what people wrote (gone once the event's personal data is).
/// </summary>
public sealed record FeedbackQuestionResult(
    int QuestionId, string Text, FeedbackQuestionKind Kind, int Answers, IReadOnlyList<int> ScoreCounts, double? AverageScore, IReadOnlyList<string> Texts)
{
    public IReadOnlyList<string> Options { get; init; } = [];

    public IReadOnlyList<int> OptionCounts { get; init; } = [];
}
