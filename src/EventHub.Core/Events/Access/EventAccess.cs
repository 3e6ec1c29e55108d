using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events.Access;

/// <summary>
/// Resolves what an actor may do on an event from its team and its series' team. Administrators (and system
/// tasks) may do everything; an organiser with no place on either team may do nothing, and is told the event
/// does not exist rather than that it does.
/// </summary>
public sealed class EventAccess(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<EventPermissions> ForEventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new EventPermissions(eventId, await ResolveAsync(db, actor, eventId, ct));
    }

    public async Task<IReadOnlySet<Permission>> ForSeriesAsync(Actor actor, int seriesId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ResolveSeriesAsync(db, actor, seriesId, ct);
    }

    /// <summary>The events on which the actor has <paramref name="permission"/>, for filtering a list.</summary>
    public async Task<AccessScope> ScopeAsync(Actor actor, Permission permission, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ScopeAsync(db, actor, permission, ct);
    }

    /// <summary>
    /// Null when the actor may do <paramref name="permission"/> on the event; otherwise the refusal: not found when
    /// the event does not exist or the actor is on none of its teams (<paramref name="notFound"/>, when the caller
    /// addressed a row of the event rather than the event), forbidden when their role does not allow it.
    /// </summary>
    public static async Task<Refusal?> CheckAsync(
        EventHubDbContext db, Actor actor, int eventId, Permission permission, CancellationToken ct, Refusal? notFound = null)
    {
        notFound ??= EventErrors.EventGone;
        if (!actor.IsOrganiser)
        {
            return CommonRefusals.SignInAsOrganiser;
        }

        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return notFound;
        }

        return AccessRules.Verdict(await ResolveAsync(db, actor, eventId, ct), permission, notFound);
    }

    /// <summary><see cref="CheckAsync"/> with a context of its own, for a use case that has not opened one yet.</summary>
    public Task<Refusal?> CheckAsync(Actor actor, int eventId, Permission permission, CancellationToken ct = default) =>
        CheckAsync(dbFactory, actor, eventId, permission, ct);

    /// <summary><see cref="CheckAsync"/> with a context of its own, for a use case that has not opened one yet.</summary>
    public static async Task<Refusal?> CheckAsync(
        IDbContextFactory<EventHubDbContext> factory, Actor actor, int eventId, Permission permission, CancellationToken ct, Refusal? notFound = null)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await CheckAsync(db, actor, eventId, permission, ct, notFound);
    }

    public static async Task<IReadOnlySet<Permission>> ResolveAsync(EventHubDbContext db, Actor actor, int eventId, CancellationToken ct)
    {
        if (actor.IsAdministrator)
        {
            return AccessRules.Everything;
        }

        if (!actor.IsOrganiser || actor.UserId is null)
        {
            return AccessRules.Combine([]);
        }

        var seriesId = await db.Events.Where(e => e.Id == eventId).Select(e => e.SeriesId).FirstOrDefaultAsync(ct);
        var places = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => m.OrganiserId == actor.UserId && (m.EventId == eventId || (seriesId != null && m.SeriesId == seriesId)))
            .Select(m => new { m.Role, m.CanSeeNeeds })
            .ToListAsync(ct);
        return AccessRules.Combine(places.Select(p => (p.Role, p.CanSeeNeeds)));
    }

    public static async Task<IReadOnlySet<Permission>> ResolveSeriesAsync(EventHubDbContext db, Actor actor, int seriesId, CancellationToken ct)
    {
        if (actor.IsAdministrator)
        {
            return AccessRules.Everything;
        }

        if (!actor.IsOrganiser || actor.UserId is null)
        {
            return AccessRules.Combine([]);
        }

        var places = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => m.OrganiserId == actor.UserId && m.SeriesId == seriesId)
            .Select(m => new { m.Role, m.CanSeeNeeds })
            .ToListAsync(ct);
        return AccessRules.Combine(places.Select(p => (p.Role, p.CanSeeNeeds)));
    }

    public static async Task<AccessScope> ScopeAsync(EventHubDbContext db, Actor actor, Permission permission, CancellationToken ct)
    {
        if (actor.IsAdministrator)
        {
            return AccessScope.Everything;
        }

        if (!actor.IsOrganiser || actor.UserId is null)
        {
            return AccessScope.Nothing;
        }

        var places = await db.Set<TeamMember>().AsNoTracking().Where(m => m.OrganiserId == actor.UserId).ToListAsync(ct);
        var seriesIds = places.Where(p => p.SeriesId != null).Select(p => p.SeriesId!.Value).ToList();
        var inSeries = seriesIds.Count == 0 ? []
            : await db.Events.Where(e => e.SeriesId != null && seriesIds.Contains(e.SeriesId.Value))
                .Select(e => new { e.Id, e.SeriesId }).ToListAsync(ct);
        var eventIds = places.Where(p => p.EventId != null).Select(p => p.EventId!.Value).Concat(inSeries.Select(e => e.Id)).ToHashSet();
        eventIds.RemoveWhere(id =>
        {
            var seriesOf = inSeries.FirstOrDefault(e => e.Id == id)?.SeriesId;
            var relevant = places.Where(p => p.EventId == id || (seriesOf != null && p.SeriesId == seriesOf));
            return !AccessRules.Combine(relevant.Select(p => (p.Role, p.CanSeeNeeds))).Contains(permission);
        });
        return new AccessScope(false, eventIds);
    }

    /// <summary>Records the creator of an event or series as its owner. Actors that are no stored organiser (system tasks) own nothing.</summary>
    public static async Task AddOwnerAsync(EventHubDbContext db, Actor actor, Event? ev, EventSeries? series, DateTime now, CancellationToken ct)
    {
        if (actor.UserId is null || !await db.Users.AnyAsync(u => u.Id == actor.UserId, ct))
        {
            return;
        }

        db.Set<TeamMember>().Add(new TeamMember { Event = ev, Series = series, OrganiserId = actor.UserId, Role = TeamRole.Owner, AddedUtc = now });
    }
}
