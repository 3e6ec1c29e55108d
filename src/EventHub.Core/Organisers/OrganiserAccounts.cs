using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Organisers;

/// <summary>
/// Organiser accounts, managed by administrators. Each call makes its own scope (and so its own UserManager and
/// DbContext) because a Blazor circuit lives far longer than a DbContext should. The site always keeps one active
/// administrator: the last one cannot be disabled, demoted or removed, even by two administrators acting on each other
/// at the same moment (the database serialises them: see <see cref="ChangeAsync"/>).
/// </summary>
public sealed class OrganiserAccounts(IServiceScopeFactory scopes, TimeProvider clock, SiteSignInPolicy twoStep)
{
    public async Task<Outcome<Organiser>> AddOrganiserAsync(Actor actor, OrganiserInput input)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<Organiser>.Forbidden(OrganiserErrors.AdministratorsOnly);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await CreateAsync(users, input, now);
        if (created.Succeeded)
        {
            var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
            SecurityAudit.Add(db, SecurityAction.OrganiserAdded, actor,
                $"Added the organiser {created.Value!.DisplayName} ({created.Value.Email}){(created.Value.IsAdministrator ? " as an administrator" : string.Empty)}", now);
            await db.SaveChangesAsync();
        }

        return created;
    }

    public async Task<IReadOnlyList<OrganiserRow>> ListAsync(Actor actor)
    {
        Guard.Administrator(actor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        return users.Select(u => Row(u, now)).ToList();
    }

    /// <summary>Stops the organiser signing in; their open pages stop at the next check (their security stamp changes).</summary>
    public Task<Outcome<OrganiserRow>> DisableAsync(Actor actor, string organiserId, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: true, SecurityAction.OrganiserDisabled, u => $"Disabled the organiser {u.DisplayName} ({u.Email})", async (users, user) =>
        {
            user.IsDisabled = true;
            return await users.UpdateSecurityStampAsync(user);
        }, ct);

    public Task<Outcome<OrganiserRow>> EnableAsync(Actor actor, string organiserId, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: false, SecurityAction.OrganiserEnabled, u => $"Enabled the organiser {u.DisplayName} ({u.Email}) again", async (users, user) =>
        {
            user.IsDisabled = false;
            return await users.UpdateAsync(user);
        }, ct);

    /// <summary>Removes the account and its places on teams. Events they created stay, with their other team members.</summary>
    public Task<Outcome<OrganiserRow>> RemoveAsync(Actor actor, string organiserId, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: true, SecurityAction.OrganiserRemoved, u => $"Removed the organiser {u.DisplayName} ({u.Email})", (users, user) => users.DeleteAsync(user), ct);

    /// <summary>Makes the organiser an administrator or a plain organiser; they sign in again to take up the new role.</summary>
    public Task<Outcome<OrganiserRow>> SetAdministratorAsync(Actor actor, string organiserId, bool isAdministrator, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: !isAdministrator, SecurityAction.SiteRoleChanged,
            u => isAdministrator ? $"Made {u.DisplayName} ({u.Email}) an administrator" : $"Made {u.DisplayName} ({u.Email}) an organiser (no longer an administrator)",
            async (users, user) =>
        {
            user.IsAdministrator = isAdministrator;
            return await users.UpdateSecurityStampAsync(user);
        }, ct);

    /// <summary>
    /// Lets an organiser answer subject-access and erasure requests (the personal-data search, download and erasure), or
    /// stops them. Like a new site role, it takes effect when they sign in again; their open pages stop at the next check.
    /// </summary>
    public Task<Outcome<OrganiserRow>> SetDataRequestsAsync(Actor actor, string organiserId, bool allowed, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: false, SecurityAction.DataRequestsPermissionChanged,
            u => allowed
                ? $"Allowed {u.DisplayName} ({u.Email}) to answer subject-access and erasure requests"
                : $"Stopped {u.DisplayName} ({u.Email}) answering subject-access and erasure requests",
            async (users, user) =>
            {
                user.CanAnswerDataRequests = allowed;
                return await users.UpdateSecurityStampAsync(user);
            }, ct);

    /// <summary>Lifts a lockout after failed sign-ins and starts the count again.</summary>
    public Task<Outcome<OrganiserRow>> UnlockAsync(Actor actor, string organiserId, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: false, SecurityAction.OrganiserUnlocked, u => $"Unlocked the account of {u.DisplayName} ({u.Email})", async (users, user) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        }, ct);

    /// <summary>
    /// Turns off someone's two-step sign-in (they lost their phone): their key and recovery codes stop working, and
    /// their open sessions end. If two-step sign-in is required, they must set it up again at their next sign-in.
    /// </summary>
    public Task<Outcome<OrganiserRow>> ResetTwoStepAsync(Actor actor, string organiserId, CancellationToken ct = default) =>
        ChangeAsync(actor, organiserId, losesAdministration: false, SecurityAction.TwoStepReset,
            u => $"Reset the two-step sign-in of {u.DisplayName} ({u.Email}): their authenticator app and recovery codes no longer work",
            async (users, user) =>
            {
                var off = await users.SetTwoFactorEnabledAsync(user, false);
                var key = off.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : off;
                if (key.Succeeded)
                {
                    await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
                }

                return key;
            }, ct, refuse: u => u.TwoFactorEnabled ? null : OrganiserErrors.TwoStepNotOnForThem);

    /// <summary>
    /// Whether a signed-in session is still good: the organiser exists, is not disabled, their security stamp is the
    /// one the session was issued with (a password change, a new role or disabling changes it), and whether they must
    /// turn two-step sign-in on first is still what the session says (<paramref name="markedTwoStepNeeded"/>), and the
    /// site's single sign-on rule still allows it (<paramref name="bySingleSignOn"/>: the session signed in through it).
    /// </summary>
    public async Task<bool> IsSignInCurrentAsync(
        string organiserId, string? securityStamp, bool markedTwoStepNeeded = false, bool bySingleSignOn = false, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == organiserId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled, u.TwoFactorEnabled, u.IsAdministrator }).FirstOrDefaultAsync(ct);
        if (user is not { IsDisabled: false } || securityStamp is null || user.SecurityStamp != securityStamp
            || !await twoStep.AllowsSignInAsync(user.IsAdministrator, bySingleSignOn, ct))
        {
            return false;
        }

        var needed = !user.TwoFactorEnabled && await twoStep.IsTwoStepRequiredAsync(ct);
        return needed == markedTwoStepNeeded;
    }

    private async Task<Outcome<OrganiserRow>> ChangeAsync(
        Actor actor, string organiserId, bool losesAdministration, SecurityAction action, Func<Organiser, string> summary,
        Func<UserManager<Organiser>, Organiser, Task<IdentityResult>> change, CancellationToken ct, Func<Organiser, Refusal?>? refuse = null)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<OrganiserRow>.Forbidden(OrganiserErrors.AdministratorsOnly);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        // On SQLite this transaction takes the write lock first, so two administrators demoting each other queue.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (losesAdministration)
        {
            // PostgreSQL lets two transactions each count the other as "another administrator" and then both go ahead.
            // So first lock every active administrator's row (SELECT … FOR UPDATE; nothing is written): a second such
            // change waits here until the first has committed, and then reads (and counts) what it left.
            await scope.ServiceProvider.GetRequiredService<DbDialect>().LockRowsAsync(db.Database,
                $"""SELECT "Id" FROM "AspNetUsers" WHERE "IsAdministrator" AND NOT "IsDisabled" """, ct);
        }

        var user = await users.FindByIdAsync(organiserId);
        if (user is null)
        {
            return Outcome<OrganiserRow>.NotFound(OrganiserErrors.OrganiserGone);
        }

        if (losesAdministration && user is { IsAdministrator: true, IsDisabled: false }
            && !await db.Users.AnyAsync(u => u.IsAdministrator && !u.IsDisabled && u.Id != organiserId, ct))
        {
            return Outcome<OrganiserRow>.Refused(OrganiserErrors.LastAdministrator);
        }

        if (refuse?.Invoke(user) is { } refusal)
        {
            return Outcome<OrganiserRow>.Refused(refusal);
        }

        var result = await change(users, user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an account change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        // UserManager saved through this scope's context; the entry joins the same transaction.
        SecurityAudit.Add(db, action, actor, summary(user), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<OrganiserRow>.Ok(Row(user, clock.GetUtcNow()));
    }

    private static OrganiserRow Row(Organiser u, DateTimeOffset now) =>
        new(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdministrator, u.LockoutEnd > now, u.IsDisabled, u.CreatedUtc, u.TwoFactorEnabled, u.CanAnswerDataRequests);

    /// <summary>The name and address every organiser needs (fields "DisplayName" and "Email"); also checked before an invitation.</summary>
    internal static List<FieldError> ValidateNameAndEmail(string? displayName, string? email)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add(new(nameof(OrganiserInput.DisplayName), "Enter a name"));
        }
        else if (displayName.Length > 100)
        {
            errors.Add(new(nameof(OrganiserInput.DisplayName), "Name must be 100 characters or fewer"));
        }

        if (!EmailAddresses.IsValid(email?.Trim()))
        {
            errors.Add(new(nameof(OrganiserInput.Email), "Enter an email address in the correct format, like name@example.gov.uk"));
        }

        return errors;
    }

    /// <summary>Validates the input and stores the organiser with their first password.</summary>
    /// <param name="withPassword">False for someone who signs in only through single sign-on (no password is set).</param>
    internal static async Task<Outcome<Organiser>> CreateAsync(UserManager<Organiser> users, OrganiserInput input, DateTime nowUtc, bool withPassword = true)
    {
        var errors = ValidateNameAndEmail(input.DisplayName, input.Email);
        var email = input.Email?.Trim() ?? string.Empty;
        if (errors.Count > 0)
        {
            return Outcome<Organiser>.Invalid(errors);
        }

        var user = new Organiser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            IsAdministrator = input.IsAdministrator,
            CreatedUtc = nowUtc,
        };
        var result = withPassword ? await users.CreateAsync(user, input.Password ?? string.Empty) : await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            return Outcome<Organiser>.Invalid(result.Errors.Select(e => new FieldError(
                e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(OrganiserInput.Password) : nameof(OrganiserInput.Email),
                e.Code is "DuplicateUserName" or "DuplicateEmail" ? "An organiser with this email address already exists" : e.Description)).ToList());
        }

        return Outcome<Organiser>.Ok(user);
    }
}
