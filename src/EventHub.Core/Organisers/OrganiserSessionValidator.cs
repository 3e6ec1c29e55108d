using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Organisers;

/// <summary>
/// The sign-in cookie's check (every minute): Identity's security-stamp check, then the site's single sign-on rule
/// (<see cref="SiteSignInPolicy.AllowsSignInAsync"/>), so once administrators require single sign-on a password session of
/// an organiser who is not an administrator ends at its next check instead of running until it expires. The check makes
/// the principal again from the database and keeps when this session signed in through single sign-on.
/// </summary>
public sealed class OrganiserSessionValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<Organiser> signInManager, ILoggerFactory logger, SiteSignInPolicy policy)
    : SecurityStampValidator<Organiser>(options, signInManager, logger)
{
    protected override async Task<Organiser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && await policy.AllowsSignInAsync(user.IsAdministrator, OrganiserClaims.SingleSignOnAtUtc(principal) is not null)
            ? user
            : null;
    }

    protected override async Task SecurityStampVerified(Organiser user, CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedInAt = context.Principal?.FindFirst(OrganiserClaims.SingleSignOnAt);
        await base.SecurityStampVerified(user, context);
        if (signedInAt is not null && context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == OrganiserClaims.SingleSignOnAt))
        {
            identity.AddClaim(new Claim(OrganiserClaims.SingleSignOnAt, signedInAt.Value));
        }
    }
}
