namespace EventHub.Core.Feedback;

/// <summary>
/// An event's feedback for its organisers, with nothing that says who answered. <see cref="ScoreCounts"/> holds the
/// number of answers scoring 1 to 5 (index 0 is a score of 1); <see cref="Responses"/> lists every answer, oldest
/// first; <see cref="Questions"/> the answers to the organisers' own questions, in the form's order. Free text is gone
/// once the event's personal data is.
/// </summary>
public sealed record FeedbackResults(
    int EventId, string EventTitle, int Answers, IReadOnlyList<int> ScoreCounts, double? AverageScore, IReadOnlyList<FeedbackComment> Responses,
    IReadOnlyList<FeedbackQuestionResult> Questions)
{
    public const int Scores = 5;

    /// <summary>The answers where someone wrote something.</summary>
    public IReadOnlyList<FeedbackComment> Comments => [.. Responses.Where(r => r.WhatWorked.Length > 0 || r.WhatToChange.Length > 0)];
}

/// <summary>
/// One person's score and two texts (either may be empty), and their answers to the organisers' questions by question
/// id: a score as its digit, or the text.
/// </summary>
public sealed record FeedbackComment(int Score, string WhatWorked, string WhatToChange, IReadOnlyDictionary<int, string> Answers);
