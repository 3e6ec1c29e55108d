using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers.Security;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Organisers;

/// <summary>
/// Whether administrators require two-step sign-in for everyone. While it is required, an organiser without it is
/// signed in as someone who may only turn it on: their sign-in carries <see cref="OrganiserClaims.TwoStepNeeded"/>
/// (added by <see cref="OrganiserClaimsFactory"/> at every sign-in and cookie check), and
/// <see cref="OrganiserClaims.ToActor"/> gives every Core service an actor with no organiser rights.
/// </summary>
public sealed class TwoStepPolicy(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<bool> IsRequiredAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SiteSecuritySettings>().AsNoTracking().AnyAsync(s => s.RequireTwoStep, ct);
    }

    /// <summary>Whether this organiser must turn two-step sign-in on before doing anything else.</summary>
    public async Task<bool> IsNeededByAsync(string organiserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SiteSecuritySettings>().AnyAsync(s => s.RequireTwoStep, ct)
            && await db.Users.AnyAsync(u => u.Id == organiserId && !u.TwoFactorEnabled, ct);
    }

    /// <summary>Administrators only. Open pages of organisers without two-step sign-in stop at their next check.</summary>
    public async Task<Outcome<bool>> SetRequiredAsync(Actor actor, bool required, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<bool>.Forbidden(OrganiserErrors.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.Set<SiteSecuritySettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new SiteSecuritySettings();
            db.Add(settings);
        }
        else if (settings.RequireTwoStep == required)
        {
            return Outcome<bool>.Ok(required);
        }

        settings.RequireTwoStep = required;
        settings.ChangedUtc = now;
        SecurityAudit.Add(db, SecurityAction.TwoStepRequirementChanged, actor,
            required ? "Required two-step sign-in for every organiser" : "Stopped requiring two-step sign-in (each organiser chooses)", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another administrator made the row at the same moment: set it on theirs.
            return await SetRequiredAsync(actor, required, ct);
        }

        return Outcome<bool>.Ok(required);
    }
}
