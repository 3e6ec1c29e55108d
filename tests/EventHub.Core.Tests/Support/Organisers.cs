using EventHub.Core.Common;

namespace EventHub.Core.Tests.Support;

public static class Actors
{
    public static Actor Organiser { get; } = Actor.Organiser("organiser-1", "Olive Organiser");

    public static Actor Admin { get; } = Actor.Organiser("admin-1", "Ada Admin", isAdministrator: true);

    /// <summary>An organiser a test stores but puts on none of the event's teams.</summary>
    public static Actor Stranger { get; } = Actor.Organiser("stranger-1", "Sam Stranger");

    /// <summary>An organiser a test puts on a team as Viewer.</summary>
    public static Actor Viewer { get; } = Actor.Organiser("viewer-1", "Vic Viewer");

    /// <summary>An organiser a test puts on a team as Door.</summary>
    public static Actor Door { get; } = Actor.Organiser("door-1", "Dee Door");

    /// <summary>An organiser a test puts on a team as Editor.</summary>
    public static Actor Editor { get; } = Actor.Organiser("editor-1", "Ed Editor");
}
