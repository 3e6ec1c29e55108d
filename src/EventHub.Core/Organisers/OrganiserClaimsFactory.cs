using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Organisers;

/// <summary>Adds the organiser's display name and administrator flag to the sign-in cookie.</summary>
public sealed class OrganiserClaimsFactory(UserManager<Organiser> users, IOptions<IdentityOptions> options)
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

        return identity;
    }
}
