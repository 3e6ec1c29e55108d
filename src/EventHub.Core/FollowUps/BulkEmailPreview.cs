namespace EventHub.Core.FollowUps;

/// <summary>The message as recipients will see it (sanitised HTML and plain text), and who gets it.</summary>
public sealed record BulkEmailPreview(string Subject, string Html, string Text, int Recipients, string ReplyTo);
