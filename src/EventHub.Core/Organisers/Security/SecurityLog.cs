using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Organisers.Security;

/// <summary>
/// The security log: sign-ins and their failures, organiser and role changes, exports with needs, mail read with its
/// links, door links, cancelled events and erasures. Actions write their entry in their own transaction through
/// <see cref="SecurityAudit.Add"/>; this service records the ones that have no transaction of their own (sign-ins,
/// reads), lets administrators read the log a page at a time, and prunes it after <see cref="SecurityLogOptions.KeepDays"/>.
/// </summary>
public sealed class SecurityLog(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IOptions<SecurityLogOptions> options)
{
    public async Task RecordAsync(SecurityAction action, Actor actor, string summary, int? eventId = null, string? clientAddress = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(SecurityAudit.Entry(action, actor, summary, clock.GetUtcNow().UtcDateTime, eventId, clientAddress));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records a password sign-in. The typed address is never stored (people type passwords into the email field); an
    /// address with no account is logged as "an unknown account" with the client address only.
    /// </summary>
    public async Task RecordSignInAsync(string? email, SignInResultKind result, string? clientAddress, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalised = (email ?? string.Empty).Trim().ToUpperInvariant();
        var who = normalised.Length == 0
            ? null
            : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var actor = who is null ? new Actor(null, "Unknown account", false, false) : Actor.Organiser(who.Id, who.DisplayName);
        var (action, summary) = result switch
        {
            SignInResultKind.Succeeded => (SecurityAction.SignedIn, "Signed in with a password"),
            SignInResultKind.LockedOut => (SecurityAction.SignInLockedOut, "Sign-in refused: the account is locked after repeated failures"),
            SignInResultKind.NotAllowed => (SecurityAction.SignInFailed, "Sign-in refused: the account is disabled"),
            _ when who is null => (SecurityAction.SignInFailed, "Sign-in failed: no account has that email address"),
            _ => (SecurityAction.SignInFailed, "Sign-in failed: wrong password"),
        };
        db.Add(SecurityAudit.Entry(action, actor, summary, clock.GetUtcNow().UtcDateTime, clientAddress: clientAddress));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records the second step of a sign-in: a code from an authenticator app (<paramref name="byApp"/>) or a recovery
    /// code, for the person who passed the password step.
    /// </summary>
    public Task RecordCodeSignInAsync(Actor actor, bool byApp, SignInResultKind result, string? clientAddress, CancellationToken ct = default)
    {
        var (action, summary) = result switch
        {
            SignInResultKind.Succeeded when byApp => (SecurityAction.SignedIn, "Signed in with a password and an authenticator code"),
            SignInResultKind.Succeeded => (SecurityAction.SignedIn, "Signed in with a password and a recovery code (it is now used up)"),
            SignInResultKind.LockedOut => (SecurityAction.SignInLockedOut, "Sign-in refused: the account is locked after repeated failures"),
            _ when byApp => (SecurityAction.SignInFailed, "Sign-in failed: wrong authenticator code"),
            _ => (SecurityAction.SignInFailed, "Sign-in failed: wrong recovery code"),
        };
        return RecordAsync(action, actor, summary, clientAddress: clientAddress, ct: ct);
    }

    /// <summary>Newest first, one page at a time, optionally one kind of action; administrators only.</summary>
    public async Task<Outcome<PagedResult<SecurityEventRow>>> ListAsync(Actor actor, SecurityAction? action, int page, int pageSize, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<PagedResult<SecurityEventRow>>.Forbidden(OrganiserErrors.AdministratorsOnly);
        }

        var (skip, take) = Paging.Window(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<SecurityEvent>().AsNoTracking();
        if (action is { } only)
        {
            query = query.Where(e => e.Action == only);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Skip(skip).Take(take)
            .Select(e => new SecurityEventRow(e.Id, e.AtUtc, e.Action, e.ActorName, e.EventId, e.Summary, e.ClientAddress))
            .ToListAsync(ct);
        return Outcome<PagedResult<SecurityEventRow>>.Ok(new PagedResult<SecurityEventRow>(rows, total, Math.Max(0, page), take));
    }

    /// <summary>Deletes entries older than the configured period; the only delete the log allows.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, options.Value.KeepDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SecurityEvent>().Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
