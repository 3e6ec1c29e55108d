using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers.Security;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events.Access;

/// <summary>
/// Who is on an event's or a series' team, in which role, and who may see access and dietary needs. Only the team's
/// owners (including the owners of an event's series) and administrators may change it; the last owner of an event
/// or series stays unless an administrator removes or changes them.
/// </summary>
public sealed class TeamService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<TeamView>> GetAsync(Actor actor, TeamScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckAsync(db, actor, scope, ct) is { } refused)
        {
            return Outcome<TeamView>.Refused(refused);
        }

        string title;
        int? seriesId;
        if (scope.IsSeries)
        {
            title = await db.Series.Where(s => s.Id == scope.SeriesId).Select(s => s.Name).SingleAsync(ct);
            seriesId = null;
        }
        else
        {
            var ev = await db.Events.Where(e => e.Id == scope.EventId).Select(e => new { e.Title, e.SeriesId }).SingleAsync(ct);
            (title, seriesId) = (ev.Title, ev.SeriesId);
        }

        var members = await RowsAsync(db, scope, ct);
        var fromSeries = seriesId is { } id ? await RowsAsync(db, TeamScope.ForSeries(id), ct) : [];
        return Outcome<TeamView>.Ok(new TeamView(scope, title, members, fromSeries, seriesId));
    }

    public async Task<Outcome<TeamMemberRow>> AddAsync(Actor actor, TeamScope scope, TeamMemberInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckAsync(db, actor, scope, ct) is { } refused)
        {
            return Outcome<TeamMemberRow>.Refused(refused);
        }

        var email = (input.Email ?? string.Empty).Trim().ToUpperInvariant();
        if (email.Length == 0)
        {
            return Outcome<TeamMemberRow>.Invalid(nameof(TeamMemberInput.Email), "Enter the email address of the organiser to add");
        }

        var organiser = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        if (organiser is null)
        {
            return Outcome<TeamMemberRow>.Refused(EventErrors.NoOrganiserWithEmail, nameof(TeamMemberInput.Email));
        }

        var member = new TeamMember
        {
            EventId = scope.EventId, SeriesId = scope.SeriesId, OrganiserId = organiser.Id, Role = input.Role,
            CanSeeNeeds = input.CanSeeNeeds, AddedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<TeamMember>().Add(member);
        SecurityAudit.Add(db, SecurityAction.TeamMemberAdded, actor,
            $"Added {organiser.DisplayName} ({organiser.Email}) to the team of {Describe(scope)} as {input.Role}{(input.CanSeeNeeds ? ", able to see access and dietary needs" : string.Empty)}",
            member.AddedUtc, scope.EventId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<TeamMemberRow>.Refused(EventErrors.AlreadyOnTeam, nameof(TeamMemberInput.Email));
        }

        return Outcome<TeamMemberRow>.Ok((await RowsAsync(db, scope, ct)).Single(r => r.Id == member.Id));
    }

    /// <summary>Changes a member's role and whether they may see access and dietary needs.</summary>
    public Task<Outcome<TeamMemberRow>> ChangeAsync(Actor actor, int memberId, TeamRole role, bool canSeeNeeds, CancellationToken ct = default) =>
        ActOnMemberAsync(actor, memberId, losesOwnership: m => m.Role == TeamRole.Owner && role != TeamRole.Owner, SecurityAction.TeamRoleChanged,
            (row, scope) => $"Changed {row.Name} on the team of {Describe(scope)} from {row.Role}{(row.CanSeeNeeds ? " (needs)" : string.Empty)} to {role}{(canSeeNeeds ? " (needs)" : string.Empty)}",
            (db, member) =>
        {
            member.Role = role;
            member.CanSeeNeeds = canSeeNeeds;
        }, ct);

    public Task<Outcome<TeamMemberRow>> RemoveAsync(Actor actor, int memberId, CancellationToken ct = default) =>
        ActOnMemberAsync(actor, memberId, losesOwnership: m => m.Role == TeamRole.Owner, SecurityAction.TeamMemberRemoved,
            (row, scope) => $"Removed {row.Name} ({row.Role}) from the team of {Describe(scope)}", (db, member) => db.Set<TeamMember>().Remove(member), ct);

    private static string Describe(TeamScope scope) => scope.EventId is { } eventId ? $"event {eventId}" : $"series {scope.SeriesId}";

    private async Task<Outcome<TeamMemberRow>> ActOnMemberAsync(
        Actor actor, int memberId, Func<TeamMember, bool> losesOwnership, SecurityAction action, Func<TeamMemberRow, TeamScope, string> summary,
        Action<EventHubDbContext, TeamMember> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
        {
            return actor.IsOrganiser ? Outcome<TeamMemberRow>.NotFound(EventErrors.TeamMemberGone) : Outcome<TeamMemberRow>.Forbidden();
        }

        var scope = new TeamScope(member.EventId, member.SeriesId);
        if (await CheckAsync(db, actor, scope, ct, EventErrors.TeamMemberGone) is { } refused)
        {
            return Outcome<TeamMemberRow>.Refused(refused);
        }

        if (!actor.IsAdministrator && losesOwnership(member) && !await HasAnotherOwnerAsync(db, member, ct))
        {
            return Outcome<TeamMemberRow>.Refused(EventErrors.LastOwner);
        }

        var row = (await RowsAsync(db, scope, ct)).Single(r => r.Id == member.Id);
        SecurityAudit.Add(db, action, actor, summary(row, scope), clock.GetUtcNow().UtcDateTime, scope.EventId);
        change(db, member);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamMemberRow>.Ok(row with { Role = member.Role, CanSeeNeeds = member.CanSeeNeeds });
    }

    /// <summary>An event stays owned while another owner is on its team or on its series' team.</summary>
    private static async Task<bool> HasAnotherOwnerAsync(EventHubDbContext db, TeamMember member, CancellationToken ct)
    {
        var seriesId = member.SeriesId
            ?? await db.Events.Where(e => e.Id == member.EventId).Select(e => e.SeriesId).FirstOrDefaultAsync(ct);
        return await db.Set<TeamMember>().AnyAsync(m => m.Id != member.Id && m.Role == TeamRole.Owner
            && ((member.EventId != null && m.EventId == member.EventId) || (seriesId != null && m.SeriesId == seriesId)), ct);
    }

    /// <summary>Null when the actor may manage this team; otherwise not found (no place, or no such team) or forbidden.</summary>
    private static async Task<Refusal?> CheckAsync(EventHubDbContext db, Actor actor, TeamScope scope, CancellationToken ct, Refusal? notFound = null)
    {
        if (scope.EventId is { } eventId)
        {
            return await EventAccess.CheckAsync(db, actor, eventId, Permission.ManageTeam, ct, notFound);
        }

        if (!actor.IsOrganiser)
        {
            return CommonRefusals.SignInAsOrganiser;
        }

        var seriesId = scope.SeriesId!.Value;
        if (!await db.Series.AnyAsync(s => s.Id == seriesId, ct))
        {
            return notFound ?? EventErrors.SeriesGone;
        }

        return AccessRules.Verdict(await EventAccess.ResolveSeriesAsync(db, actor, seriesId, ct), Permission.ManageTeam, notFound ?? EventErrors.SeriesGone);
    }

    private static async Task<List<TeamMemberRow>> RowsAsync(EventHubDbContext db, TeamScope scope, CancellationToken ct)
    {
        var rows = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => scope.EventId != null ? m.EventId == scope.EventId : m.SeriesId == scope.SeriesId)
            .Join(db.Users, m => m.OrganiserId, u => u.Id, (m, u) => new { m.Id, m.OrganiserId, u.DisplayName, u.Email, m.Role, m.CanSeeNeeds })
            .ToListAsync(ct);
        return rows.Select(r => new TeamMemberRow(r.Id, r.OrganiserId, r.DisplayName, r.Email ?? string.Empty, r.Role, r.CanSeeNeeds))
            .OrderBy(r => r.Role).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
