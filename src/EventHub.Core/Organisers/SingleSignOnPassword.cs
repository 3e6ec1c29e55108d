using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Organisers;

/// <summary>
/// Someone who joined through single sign-on has no password. They may set one, with the ordinary password rules, but
/// only within <see cref="FreshFor"/> of signing in through the provider in the same session: the provider has just
/// vouched for them, so a stolen, hours-old session cannot add a password that outlives it. (An emailed one-time link
/// was the other choice; it would be only as strong as the mailbox, and the provider already is the organisation's
/// proof of who someone is.) Setting it changes the security stamp, so every other open session ends, and is logged.
/// </summary>
public sealed class SingleSignOnPassword(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(10);

    /// <summary>Whether the signed-in organiser has a password (false: they joined through single sign-on).</summary>
    public async Task<bool> HasPasswordAsync(Actor actor, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        return actor.UserId is { } id && await users.FindByIdAsync(id) is { } user && await users.HasPasswordAsync(user);
    }

    /// <param name="actor">The signed-in organiser, for their own account only.</param>
    /// <param name="singleSignOnAtUtc">When this session signed in through single sign-on (none: it did not).</param>
    /// <param name="password">The new password (field "NewPassword" on refusal).</param>
    public async Task<Outcome<bool>> SetPasswordAsync(Actor actor, DateTime? singleSignOnAtUtc, string? password, CancellationToken ct = default)
    {
        if (actor.UserId is null)
        {
            return Outcome<bool>.Forbidden(OrganiserErrors.SignInAgainToSetPassword);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var user = await users.FindByIdAsync(actor.UserId);
        if (user is null || user.IsDisabled)
        {
            return Outcome<bool>.Forbidden(OrganiserErrors.SignInAgainToSetPassword);
        }

        if (await users.HasPasswordAsync(user))
        {
            return Outcome<bool>.Refused(OrganiserErrors.PasswordAlreadySet);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (singleSignOnAtUtc is not { } at || at > now || now - at > FreshFor)
        {
            return Outcome<bool>.Forbidden(OrganiserErrors.SignInAgainToSetPassword);
        }

        // Identity checks the same rules as every other password (length, the common-password list) and changes the stamp.
        var added = await users.AddPasswordAsync(user, password ?? string.Empty);
        if (!added.Succeeded)
        {
            return Outcome<bool>.Invalid(added.Errors.Select(e => new FieldError("NewPassword", e.Description)).ToList());
        }

        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        SecurityAudit.Add(db, SecurityAction.PasswordSet, Actor.Organiser(user.Id, user.DisplayName, user.IsAdministrator),
            "Set a password after signing in with single sign-on", now);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
