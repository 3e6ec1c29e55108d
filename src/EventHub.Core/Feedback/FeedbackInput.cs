namespace EventHub.Core.Feedback;

/// <summary>What a person answers on the feedback form: the score is required, the two texts are optional.</summary>
public sealed record FeedbackInput(int? Score, string? WhatWorked, string? WhatToChange);
