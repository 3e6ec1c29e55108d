using System.Security.Claims;
using EventHub.Core.Organisers;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Features.Account;

/// <summary>
/// Checks an open circuit's sign-in every 30 seconds: when the organiser was disabled or removed, or their security
/// stamp changed (a new password, a new site role), or administrators began requiring two-step sign-in that they do
/// not have, or single sign-on while this is a password sign-in of someone who is not an administrator, the circuit is
/// signed out and its organiser pages stop.
/// </summary>
public sealed class OrganiserAuthenticationStateProvider(
    ILoggerFactory loggerFactory, OrganiserAccounts accounts, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var claims = identity.Value.ClaimsIdentity;
        var id = user.FindFirstValue(claims.UserIdClaimType);
        return id is not null && await accounts.IsSignInCurrentAsync(
            id, user.FindFirstValue(claims.SecurityStampClaimType), user.HasClaim(OrganiserClaims.TwoStepNeeded, "true"),
            bySingleSignOn: OrganiserClaims.SingleSignOnAtUtc(user) is not null, ct: cancellationToken);
    }
}
