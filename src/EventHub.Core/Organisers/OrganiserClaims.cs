using System.Security.Claims;
using EventHub.Core.Common;
using Microsoft.AspNetCore.Identity;

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
