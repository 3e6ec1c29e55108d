using System.Reflection;
using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Account;

/// <summary>
/// The check an open circuit makes every 30 seconds, called directly (the base class signs the circuit out when it
/// answers false): on a real database with real Identity, a sign-in stays while nothing changed, and stops once the
/// organiser is disabled, their two-step sign-in is reset, or administrators require two-step sign-in they lack.
/// </summary>
public sealed class OrganiserAuthenticationStateProviderTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private CoreServices _core = default!;
    private OrganiserAccounts _accounts = default!;
    private OrganiserAuthenticationStateProvider _provider = default!;
    private Actor _ada = default!;
    private Organiser _olive = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await CoreServices.CreateAsync(configure: s =>
        {
            s.AddHttpContextAccessor();
            s.AddAuthentication();
            s.AddScoped<SignInManager<Organiser>>();
        });
        _accounts = _core.Get<OrganiserAccounts>();
        var ada = (await _accounts.AddOrganiserAsync(Actor.System, new OrganiserInput("Ada Admin", "ada@example.org", Password, true))).Value!;
        _olive = (await _accounts.AddOrganiserAsync(Actor.System, new OrganiserInput("Olive Organiser", "olive@example.org", Password, false))).Value!;
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
        _provider = new OrganiserAuthenticationStateProvider(NullLoggerFactory.Instance, _accounts, _core.Get<IOptions<IdentityOptions>>());
    }

    public async ValueTask DisposeAsync()
    {
        ((IDisposable)_provider).Dispose();
        await _core.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_with_nothing_changed_stays_and_nobody_signed_in_has_nothing_to_check()
    {
        (await RevalidateAsync(await PrincipalAsync())).ShouldBeTrue();
        (await RevalidateAsync(new ClaimsPrincipal(new ClaimsIdentity()))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_disabled_organiser_is_signed_out_at_the_next_check()
    {
        var principal = await PrincipalAsync();

        (await _accounts.DisableAsync(_ada, _olive.Id, Ct)).Succeeded.ShouldBeTrue();

        (await RevalidateAsync(principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task Resetting_someones_two_step_sign_in_signs_out_their_open_pages()
    {
        await using (var scope = _core.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
            var olive = (await users.FindByIdAsync(_olive.Id))!;
            await users.ResetAuthenticatorKeyAsync(olive);
            (await users.SetTwoFactorEnabledAsync(olive, true)).Succeeded.ShouldBeTrue();
        }

        var principal = await PrincipalAsync();
        (await RevalidateAsync(principal)).ShouldBeTrue();

        (await _accounts.ResetTwoStepAsync(_ada, _olive.Id, Ct)).Succeeded.ShouldBeTrue();

        (await RevalidateAsync(principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task Requiring_two_step_sign_in_signs_out_an_open_page_without_it_and_the_sign_in_after_has_no_organiser_rights()
    {
        var principal = await PrincipalAsync();

        (await _core.Get<SiteSignInPolicy>().SetRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();

        (await RevalidateAsync(principal)).ShouldBeFalse();
        var renewed = await PrincipalAsync();
        renewed.HasClaim(OrganiserClaims.TwoStepNeeded, "true").ShouldBeTrue();
        OrganiserClaims.ToActor(renewed).IsOrganiser.ShouldBeFalse();
        (await RevalidateAsync(renewed)).ShouldBeTrue("the sign-in that may only turn two-step on goes on");
    }

    [Fact]
    public async Task A_changed_password_signs_out_the_other_open_pages()
    {
        var principal = await PrincipalAsync();

        await using (var scope = _core.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
            var olive = (await users.FindByIdAsync(_olive.Id))!;
            (await users.ChangePasswordAsync(olive, Password, "a different long passphrase")).Succeeded.ShouldBeTrue();
        }

        (await RevalidateAsync(principal)).ShouldBeFalse();
    }

    /// <summary>The provider's own check, as its revalidation loop calls it.</summary>
    private async Task<bool> RevalidateAsync(ClaimsPrincipal user)
    {
        var method = typeof(OrganiserAuthenticationStateProvider).GetMethod("ValidateAuthenticationStateAsync", BindingFlags.NonPublic | BindingFlags.Instance)!;
        return await (Task<bool>)method.Invoke(_provider, [new AuthenticationState(user), Ct])!;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync()
    {
        await using var scope = _core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Organiser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(_olive.Id))!);
    }
}
