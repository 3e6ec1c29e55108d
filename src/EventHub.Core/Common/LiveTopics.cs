namespace EventHub.Core.Common;

/// <summary>Topics published today. A listener may filter by topic or simply reload on any message.</summary>
public static class LiveTopics
{
    public const string CheckIn = "check-in";
    public const string Board = "board";
    public const string Places = "places";
}
