using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>Administrators requiring two-step sign-in for everyone, and resetting someone's, on a real database with real Identity.</summary>
public sealed class TwoStepPolicyTests : IAsyncLifetime
{
    private CoreServices _core = default!;
    private TwoStepPolicy _policy = default!;
    private TwoStepSignIn _twoStep = default!;
    private OrganiserAccounts _accounts = default!;
    private Organiser _olive = default!;
    private Actor _ada = default!;
    private Actor _oliveActor = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync();
        _policy = _core.Get<TwoStepPolicy>();
        _twoStep = _core.Get<TwoStepSignIn>();
        _accounts = _core.Get<OrganiserAccounts>();
        var ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
        _oliveActor = Actor.Organiser(_olive.Id, _olive.DisplayName);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Only_administrators_require_two_step_sign_in_and_the_change_is_in_the_security_log()
    {
        (await _policy.SetRequiredAsync(_oliveActor, true, Ct)).IsForbidden.ShouldBeTrue();
        (await _policy.IsRequiredAsync(Ct)).ShouldBeFalse();

        (await _policy.SetRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();
        (await _policy.IsRequiredAsync(Ct)).ShouldBeTrue();
        (await _policy.SetRequiredAsync(_ada, false, Ct)).Succeeded.ShouldBeTrue();
        (await _policy.IsRequiredAsync(Ct)).ShouldBeFalse();

        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.TwoStepRequirementChanged, 0, 10, Ct)).Value!.Items;
        log.Select(e => e.Summary).ShouldBe(["Stopped requiring two-step sign-in (each organiser chooses)", "Required two-step sign-in for every organiser"]);
        log.ShouldAllBe(e => e.ActorName == "Ada Admin");
    }

    [Fact]
    public async Task While_it_is_required_a_sign_in_without_it_may_only_turn_it_on_and_Core_refuses_everything_else()
    {
        await _policy.SetRequiredAsync(_ada, true, Ct);

        var principal = await PrincipalAsync(_olive.Id);
        principal.HasClaim(OrganiserClaims.TwoStepNeeded, "true").ShouldBeTrue();
        var actor = OrganiserClaims.ToActor(principal);
        actor.IsOrganiser.ShouldBeFalse();
        actor.UserId.ShouldBe(_olive.Id);
        var created = await _core.Get<EventService>().CreateAsync(actor, new EventInput
        {
            Title = "Not yet", Capacity = 10, VenueName = "County Hall",
            StartLocal = new DateTime(2026, 12, 10, 10, 0, 0), EndLocal = new DateTime(2026, 12, 10, 12, 0, 0),
        }, Ct);
        created.Succeeded.ShouldBeFalse();
        (await _policy.IsNeededByAsync(_olive.Id, Ct)).ShouldBeTrue();

        // ... but the same actor can turn it on, after which a new sign-in has full rights again.
        var setup = (await _twoStep.BeginAsync(actor)).Value!;
        (await _twoStep.EnableAsync(actor, Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow))).Succeeded.ShouldBeTrue();
        var renewed = await PrincipalAsync(_olive.Id);
        renewed.HasClaim(OrganiserClaims.TwoStepNeeded, "true").ShouldBeFalse();
        OrganiserClaims.ToActor(renewed).IsOrganiser.ShouldBeTrue();
        (await _policy.IsNeededByAsync(_olive.Id, Ct)).ShouldBeFalse();

        // Required: it cannot be turned off.
        (await _twoStep.StatusAsync(OrganiserClaims.ToActor(renewed))).Value!.IsRequired.ShouldBeTrue();
        (await _twoStep.DisableAsync(OrganiserClaims.ToActor(renewed))).ErrorCode.ShouldBe(OrganiserErrors.TwoStepRequired.Code);
    }

    [Fact]
    public async Task Requiring_it_ends_open_sessions_that_do_not_have_it_at_their_next_check()
    {
        var principal = await PrincipalAsync(_olive.Id);
        var stamp = principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: false, ct: Ct)).ShouldBeTrue();

        await _policy.SetRequiredAsync(_ada, true, Ct);

        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: false, ct: Ct)).ShouldBeFalse("the open page must stop");
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: true, ct: Ct)).ShouldBeTrue("a sign-in that knows it must turn it on goes on");
    }

    [Fact]
    public async Task An_administrator_resets_someones_two_step_sign_in_and_their_old_codes_stop_working()
    {
        var setup = (await _twoStep.BeginAsync(_oliveActor)).Value!;
        var codes = (await _twoStep.EnableAsync(_oliveActor, Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow))).Value!;
        (await _accounts.ListAsync(_ada)).Single(r => r.Id == _olive.Id).HasTwoStep.ShouldBeTrue();

        (await _accounts.ResetTwoStepAsync(_oliveActor, _olive.Id, Ct)).IsForbidden.ShouldBeTrue();
        var reset = await _accounts.ResetTwoStepAsync(_ada, _olive.Id, Ct);

        reset.Succeeded.ShouldBeTrue(reset.Message);
        reset.Value!.HasTwoStep.ShouldBeFalse();
        await using (var scope = _core.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
            var olive = (await users.FindByIdAsync(_olive.Id))!;
            (await users.GetTwoFactorEnabledAsync(olive)).ShouldBeFalse();
            (await users.CountRecoveryCodesAsync(olive)).ShouldBe(0);
            (await users.RedeemTwoFactorRecoveryCodeAsync(olive, codes[0])).Succeeded.ShouldBeFalse();
            (await users.GetAuthenticatorKeyAsync(olive)).ShouldNotBe(setup.SharedKey);
            olive.SecurityStamp.ShouldNotBe(_olive.SecurityStamp, "their open sessions end");
        }

        (await _accounts.ResetTwoStepAsync(_ada, _olive.Id, Ct)).ErrorCode.ShouldBe(OrganiserErrors.TwoStepNotOnForThem.Code);
        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.TwoStepReset, 0, 10, Ct)).Value!.Items;
        log.ShouldHaveSingleItem().Summary.ShouldBe("Reset the two-step sign-in of Olive Organiser (olive@example.org): their authenticator app and recovery codes no longer work");
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string organiserId)
    {
        await using var scope = _core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Organiser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(organiserId))!);
    }
}
