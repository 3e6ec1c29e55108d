using System.Security.Claims;
using EventHub.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Organisers;

public static class OrganiserClaims
{
    public const string Administrator = "eventhub:admin";
    public const string DisplayName = "eventhub:name";
    public const string AdministratorPolicy = "Administrator";

    /// <summary>The <see cref="Actor"/> for a signed-in principal, or <see cref="Actor.Anonymous"/>.</summary>
    public static Actor ToActor(ClaimsPrincipal? user)
    {
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || id is null)
        {
            return Actor.Anonymous;
        }

        var name = user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "Organiser";
        return Actor.Organiser(id, name, user.HasClaim(Administrator, "true"));
    }
}

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
