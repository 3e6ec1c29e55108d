using EventHub.Core.Common;
using EventHub.Core.Organisers;
using Microsoft.AspNetCore.Components.Authorization;

namespace EventHub.Web.Features.Account;

/// <summary>The signed-in organiser as an <see cref="Actor"/> for Core services, which check it.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return OrganiserClaims.ToActor(state.User);
    }
}
