namespace EventHub.Core.FollowUps;

/// <summary>What an organiser writes to an event's attendees or waiting list. The body is Markdown.</summary>
public sealed class BulkEmailInput
{
    public BulkAudience Audience { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;
}
