namespace EventHub.Core.FollowUps;

/// <summary>Names of the messages follow-ups put in the outbox; the templates are in <c>FollowUps/Emails</c>.</summary>
public static class FollowUpTemplates
{
    public const string Reminder = "event.reminder";
    public const string BulkMessage = "event.organiser-message";
    public const string EventStarting = "event.starting";
}
