namespace EventHub.Core.Feedback;

/// <summary>What the feedback page shows a person: the event, and whether they may answer now (null) or why not.</summary>
public sealed record FeedbackFormView(string EventTitle, string When, Common.Refusal? CannotAnswer);
