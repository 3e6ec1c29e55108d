using EventHub.Core.Common;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>Core services with real Identity (and a SignInManager), and organisers added as an administrator would.</summary>
internal static class OrganiserServices
{
    public const string Password = "correct horse battery";

    public static Task<CoreServices> CreateAsync(Action<IServiceCollection>? configure = null) =>
        CoreServices.CreateAsync(configure: s =>
        {
            s.AddHttpContextAccessor();
            s.AddAuthentication();
            s.AddScoped<SignInManager<Organiser>>();
            configure?.Invoke(s);
        });

    public static async Task<Organiser> AddAsync(this CoreServices core, string name, string email, bool isAdministrator = false) =>
        (await core.Get<OrganiserAccounts>().AddOrganiserAsync(Actor.System, new OrganiserInput(name, email, Password, isAdministrator))).Value!;

    /// <summary>The principal a sign-in (or a cookie check) makes for this organiser now, through the app's claims factory.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(this CoreServices core, string organiserId)
    {
        await using var scope = core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Organiser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(organiserId))!);
    }
}
