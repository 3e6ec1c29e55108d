namespace EventHub.Core.OpenSpace;

/// <summary>Outbox template names for Open Space messages (rendered by the Email feature).</summary>
public static class OpenSpaceEmailTemplates
{
    public const string SessionMoved = "openspace.session-moved";
    public const string SessionMerged = "openspace.session-merged";
    public const string NotesLink = "openspace.notes-link";
    public const string ConvenerSessionMoved = "openspace.convener-session-moved";
    public const string SessionOverflow = "openspace.session-overflow";
    public const string ConvenerSessionOverflow = "openspace.convener-session-overflow";
}
