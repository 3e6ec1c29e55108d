namespace EventHub.Web.Features.Feedback;

/// <summary>One score's average out of 5 on the dashboard, with how many gave it.</summary>
public sealed record AverageScore(string Label, double Average, int Answers);
