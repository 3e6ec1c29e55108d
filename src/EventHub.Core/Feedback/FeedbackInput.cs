namespace EventHub.Core.Feedback;

/// <summary>What a person sent: the overall score, two texts, and answers to the organisers' questions by question id.</summary>
public sealed record FeedbackInput(int? Score, string? WhatWorked, string? WhatToChange, IReadOnlyDictionary<int, string>? Answers = null);
