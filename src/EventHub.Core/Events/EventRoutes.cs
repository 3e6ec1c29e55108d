namespace EventHub.Core.Events;

/// <summary>The public addresses of an event that messages from features above Events link to.</summary>
public static class EventRoutes
{
    public static string Page(string eventSlug) => $"/events/{eventSlug}";

    public static string Proceedings(string eventSlug) => $"/events/{eventSlug}/proceedings";
}
