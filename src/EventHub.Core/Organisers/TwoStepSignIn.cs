using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Organisers;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238, through ASP.NET Core Identity's authenticator token
/// provider). Each organiser turns it on for their own account only: they scan the key, prove it with a code, and are
/// shown ten recovery codes once (Identity stores them hashed). Every change is in the security log. While
/// administrators require it (<see cref="SiteSignInPolicy"/>) it cannot be turned off.
/// </summary>
public sealed class TwoStepSignIn(IServiceScopeFactory scopes, TimeProvider clock, SiteSignInPolicy policy)
{
    public const int RecoveryCodeCount = 10;

    public async Task<Outcome<TwoStepStatus>> StatusAsync(Actor actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, user) = await OwnAccountAsync(scope, actor);
        if (user is null)
        {
            return Outcome<TwoStepStatus>.Forbidden();
        }

        return Outcome<TwoStepStatus>.Ok(new TwoStepStatus(await users.GetTwoFactorEnabledAsync(user), await users.CountRecoveryCodesAsync(user), await policy.IsTwoStepRequiredAsync()));
    }

    /// <summary>The key to put in the authenticator app (kept until setup finishes, so a reload shows the same one).</summary>
    public async Task<Outcome<AuthenticatorSetup>> BeginAsync(Actor actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, user) = await OwnAccountAsync(scope, actor);
        if (user is null)
        {
            return Outcome<AuthenticatorSetup>.Forbidden();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome<AuthenticatorSetup>.Refused(OrganiserErrors.TwoStepAlreadyOn);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "organiser");
        var uri = $"otpauth://totp/EventHub:{account}?secret={key}&issuer=EventHub&digits=6";
        return Outcome<AuthenticatorSetup>.Ok(new AuthenticatorSetup(key!, uri));
    }

    /// <summary>Turns two-step sign-in on when the code proves the app holds the key; returns the recovery codes, shown once.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(Actor actor, string? code)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, user) = await OwnAccountAsync(scope, actor);
        if (user is null)
        {
            return Outcome<IReadOnlyList<string>>.Forbidden();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome<IReadOnlyList<string>>.Refused(OrganiserErrors.TwoStepAlreadyOn);
        }

        var cleaned = Clean(code);
        if (cleaned.Length == 0)
        {
            return Outcome<IReadOnlyList<string>>.Invalid("Code", "Enter the 6-digit code your authenticator app shows");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            return Outcome<IReadOnlyList<string>>.Invalid("Code", OrganiserErrors.WrongCode);
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await LogAsync(scope, SecurityAction.TwoStepTurnedOn, actor, "Turned on two-step sign-in with an authenticator app");
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>Turns it off and forgets the key (setting it up again needs a new scan).</summary>
    public async Task<Outcome<bool>> DisableAsync(Actor actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, user) = await OwnAccountAsync(scope, actor);
        if (user is null)
        {
            return Outcome<bool>.Forbidden();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome<bool>.Refused(OrganiserErrors.TwoStepNotOn);
        }

        if (await policy.IsTwoStepRequiredAsync())
        {
            return Outcome<bool>.Refused(OrganiserErrors.TwoStepRequired);
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await LogAsync(scope, SecurityAction.TwoStepTurnedOff, actor, "Turned off two-step sign-in");
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> RenewRecoveryCodesAsync(Actor actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, user) = await OwnAccountAsync(scope, actor);
        if (user is null)
        {
            return Outcome<IReadOnlyList<string>>.Forbidden();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome<IReadOnlyList<string>>.Refused(OrganiserErrors.TwoStepNotOn);
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await LogAsync(scope, SecurityAction.RecoveryCodesRenewed, actor, "Made new recovery codes (the old ones stopped working)");
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>Spaces and hyphens people type or paste from their app are ignored.</summary>
    public static string Clean(string? code) => new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private static async Task<(UserManager<Organiser> Users, Organiser? User)> OwnAccountAsync(AsyncServiceScope scope, Actor actor)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        // Not only organisers: someone who must turn two-step sign-in on first has no organiser rights until they do.
        var user = actor.UserId is { } id ? await users.FindByIdAsync(id) : null;
        return (users, user is { IsDisabled: false } ? user : null);
    }

    private async Task LogAsync(AsyncServiceScope scope, SecurityAction action, Actor actor, string summary)
    {
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        SecurityAudit.Add(db, action, actor, summary, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused a two-step change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Whether it is on, how many recovery codes are left, and whether administrators require it (then it stays on).</summary>
public sealed record TwoStepStatus(bool IsOn, int RecoveryCodesLeft, bool IsRequired = false);

/// <summary>The shared key (Base32, as authenticator apps take it typed) and the otpauth URI its QR code carries.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);
