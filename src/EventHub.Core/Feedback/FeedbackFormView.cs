namespace EventHub.Core.Feedback;

/// <summary>
/// What the feedback page shows a person: the event, whether they may answer now (null) or why not, and the
/// organisers' own questions in their order.
/// </summary>
public sealed record FeedbackFormView(string EventTitle, string When, Common.Refusal? CannotAnswer, IReadOnlyList<FeedbackQuestion> Questions);
