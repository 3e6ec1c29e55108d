using EventHub.Core.Common;

namespace EventHub.Core.Tests.Support;

public static class Actors
{
    public static Actor Organiser { get; } = Actor.Organiser("organiser-1", "Olive Organiser");

    public static Actor Admin { get; } = Actor.Organiser("admin-1", "Ada Admin", isAdministrator: true);

    /// <summary>Organisers a test puts on a team with the role of their name (<see cref="Teams"/>); the stranger on none.</summary>
    public static Actor Editor { get; } = Actor.Organiser("editor-1", "Ed Editor");

    public static Actor Door { get; } = Actor.Organiser("door-1", "Dee Door");

    public static Actor Viewer { get; } = Actor.Organiser("viewer-1", "Vic Viewer");

    public static Actor Stranger { get; } = Actor.Organiser("stranger-1", "Sam Stranger");
}
