using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Polls;

/// <summary>
/// Who may do what with a poll. A poll belongs to the event it became, else to its series, else to the organiser who
/// made it: the team of that event (with its series' team) or of that series decides, and a poll of neither is its
/// creator's alone. Administrators may do everything.
/// </summary>
internal static class PollAccess
{
    /// <summary>Reading a poll shows who voted, so it asks as much as an attendee list does.</summary>
    public const Permission Read = Permission.ViewAttendees;

    public static async Task<IReadOnlySet<Permission>> ResolveAsync(EventHubDbContext db, Actor actor, Poll poll, CancellationToken ct)
    {
        if (actor.IsAdministrator)
        {
            return AccessRules.Everything;
        }

        return poll.EventId is { } eventId ? await EventAccess.ResolveAsync(db, actor, eventId, ct)
            : poll.SeriesId is { } seriesId ? await EventAccess.ResolveSeriesAsync(db, actor, seriesId, ct)
            : actor.IsOrganiser && actor.UserId == poll.CreatedByUserId ? AccessRules.For(TeamRole.Owner, canSeeNeeds: false)
            : AccessRules.Combine([]);
    }

    /// <summary>
    /// Null when the actor may do <paramref name="permission"/> with the poll; otherwise not found to an organiser with
    /// no place on its team (the poll might as well not exist), forbidden to one whose role does not allow it.
    /// </summary>
    public static async Task<Refusal?> CheckAsync(EventHubDbContext db, Actor actor, Poll poll, Permission permission, CancellationToken ct)
    {
        if (!actor.IsOrganiser)
        {
            return CommonRefusals.SignInAsOrganiser;
        }

        return AccessRules.Verdict(await ResolveAsync(db, actor, poll, ct), permission, PollErrors.NotFound);
    }

    /// <summary>The polls the actor may <paramref name="permission"/>, as a filter for a list.</summary>
    public static async Task<IQueryable<Poll>> ScopeAsync(EventHubDbContext db, Actor actor, Permission permission, CancellationToken ct)
    {
        var polls = db.Set<Poll>().AsNoTracking();
        if (actor.IsAdministrator)
        {
            return polls;
        }

        if (!actor.IsOrganiser || actor.UserId is null)
        {
            return polls.Where(p => false);
        }

        var events = await EventAccess.ScopeAsync(db, actor, permission, ct);
        var eventIds = events.EventIds.ToList();
        var seriesPlaces = await db.Set<TeamMember>().AsNoTracking().Where(m => m.OrganiserId == actor.UserId && m.SeriesId != null)
            .Select(m => new { SeriesId = m.SeriesId!.Value, m.Role, m.CanSeeNeeds }).ToListAsync(ct);
        var seriesIds = seriesPlaces.GroupBy(p => p.SeriesId)
            .Where(g => AccessRules.Combine(g.Select(p => (p.Role, p.CanSeeNeeds))).Contains(permission))
            .Select(g => g.Key).ToList();
        var userId = actor.UserId;
        return polls.Where(p => p.EventId != null ? eventIds.Contains(p.EventId.Value)
            : p.SeriesId != null ? seriesIds.Contains(p.SeriesId.Value)
            : p.CreatedByUserId == userId);
    }
}
