using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>Who is at the door: a signed-in organiser, or a volunteer holding a door link.</summary>
public sealed record Door(Actor? Organiser, string? LinkToken)
{
    public static Door ForOrganiser(Actor actor) => new(actor, null);

    public static Door ForLink(string token) => new(null, token);
}

/// <summary>A door that has been checked for one event: what a check-in records about who made it.</summary>
internal sealed record DoorIdentity(int? DoorLinkId, string? OrganiserUserId, string Name)
{
    /// <summary>
    /// Who is at the door of the event, or why they may not scan there: an organiser needs a role on the event that
    /// works the door (not found when they are on none of its teams), a volunteer a door link for it that is open now.
    /// </summary>
    public static async Task<(DoorIdentity? Who, Refusal? Refusal)> ResolveAsync(EventHubDbContext db, Door door, int eventId, DateTime nowUtc, CancellationToken ct)
    {
        if (door.Organiser is { IsOrganiser: true } actor)
        {
            var refusal = await EventAccess.CheckAsync(db, actor, eventId, Permission.Door, ct, CheckInErrors.EventNotFound);
            return refusal is null ? (new DoorIdentity(null, actor.UserId, actor.DisplayName), null) : (null, refusal);
        }

        if (string.IsNullOrEmpty(door.LinkToken) || door.LinkToken.Length > CheckInRules.MaxCodeLength)
        {
            return (null, CheckInErrors.DoorNotAllowed(door));
        }

        // Looked up by the token's hash: an index lookup on a hash leaks nothing about the token one character at a time.
        var hash = SecureTokens.Hash(door.LinkToken);
        var link = await db.Set<DoorLink>().AsNoTracking().FirstOrDefaultAsync(d => d.TokenHash == hash, ct);
        return link is not null && link.EventId == eventId && link.IsOpenAt(nowUtc)
            ? (new DoorIdentity(link.Id, null, link.Label), null)
            : (null, CheckInErrors.DoorNotAllowed(door));
    }

    /// <summary>Whether a check-in or a conflict was made by this door.</summary>
    public bool Made(int? doorLinkId, string? organiserUserId) => DoorLinkId == doorLinkId && OrganiserUserId == organiserUserId;
}
