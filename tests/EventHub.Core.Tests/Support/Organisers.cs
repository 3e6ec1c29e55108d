using EventHub.Core.Common;

namespace EventHub.Core.Tests.Support;

public static class Actors
{
    public static Actor Organiser { get; } = Actor.Organiser("organiser-1", "Olive Organiser");

    public static Actor Admin { get; } = Actor.Organiser("admin-1", "Ada Admin", isAdministrator: true);
}
