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
}
