using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Organisers;

/// <summary>Adds the organiser's display name, administrator flag and any two-step requirement to the sign-in cookie.</summary>
public sealed class OrganiserClaimsFactory(UserManager<Organiser> users, IOptions<IdentityOptions> options, SiteSignInPolicy twoStep)
    : UserClaimsPrincipalFactory<Organiser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Organiser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganiserClaims.DisplayName, user.DisplayName));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(OrganiserClaims.Administrator, "true"));
        }

        if (user.CanAnswerDataRequests)
        {
            identity.AddClaim(new Claim(OrganiserClaims.DataRequests, "true"));
        }

        // Made at every sign-in and cookie check, so a new requirement reaches open sessions within a minute.
        if (!user.TwoFactorEnabled && await twoStep.IsTwoStepRequiredAsync())
        {
            identity.AddClaim(new Claim(OrganiserClaims.TwoStepNeeded, "true"));
        }

        return identity;
    }
}
