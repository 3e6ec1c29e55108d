using EventHub.Core.Common;

namespace EventHub.Core.CheckIn;

/// <summary>Who is at the door: a signed-in organiser, or a volunteer holding a door link.</summary>
public sealed record Door(Actor? Organiser, string? LinkToken)
{
    public static Door ForOrganiser(Actor actor) => new(actor, null);

    public static Door ForLink(string token) => new(null, token);
}

/// <summary>A door that has been checked for one event: what a check-in records about who made it.</summary>
internal sealed record DoorIdentity(int? DoorLinkId, string? OrganiserUserId, string Name);
