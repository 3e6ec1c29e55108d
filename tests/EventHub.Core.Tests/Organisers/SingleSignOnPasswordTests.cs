using EventHub.Core.Common;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>
/// An organiser who joined through single sign-on setting their first password, and administrators requiring single
/// sign-on for organisers, on a real database with real Identity.
/// </summary>
public sealed class SingleSignOnPasswordTests : IAsyncLifetime
{
    private const string NewPassword = "purple elephant marmalade";

    private CoreServices _core = default!;
    private SingleSignOnPassword _passwords = default!;
    private Organiser _dee = default!;
    private Actor _deeActor = default!;
    private Actor _ada = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => _core.Clock.GetUtcNow().UtcDateTime;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync();
        _passwords = _core.Get<SingleSignOnPassword>();
        var ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
        await using var scope = _core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        // As single sign-on makes someone an administrator invited: no password.
        _dee = (await OrganiserAccounts.CreateAsync(users, new OrganiserInput("Dee Door", "dee@example.org", string.Empty, false), Now, withPassword: false)).Value!;
        _deeActor = Actor.Organiser(_dee.Id, _dee.DisplayName);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Within_ten_minutes_of_a_single_sign_on_an_organiser_sets_a_password_which_ends_their_other_sessions_and_is_logged()
    {
        var stampBefore = await StampAsync(_dee.Id);
        (await _passwords.HasPasswordAsync(_deeActor, Ct)).ShouldBeFalse();

        var set = await _passwords.SetPasswordAsync(_deeActor, Now.AddMinutes(-9), NewPassword, Ct);

        set.Succeeded.ShouldBeTrue(set.Message);
        (await _passwords.HasPasswordAsync(_deeActor, Ct)).ShouldBeTrue();
        (await CheckPasswordAsync("dee@example.org", NewPassword)).Succeeded.ShouldBeTrue();
        (await StampAsync(_dee.Id)).ShouldNotBe(stampBefore);
        (await _core.Get<OrganiserAccounts>().IsSignInCurrentAsync(_dee.Id, stampBefore, ct: Ct)).ShouldBeFalse("sessions issued before stop");
        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.PasswordSet, 0, 10, Ct)).Value!.Items;
        log.ShouldHaveSingleItem().ActorName.ShouldBe("Dee Door");
        log[0].Summary.ShouldBe("Set a password after signing in with single sign-on");

        (await _passwords.SetPasswordAsync(_deeActor, Now, "another long passphrase", Ct)).ErrorCode.ShouldBe(OrganiserErrors.PasswordAlreadySet.Code);
        (await CheckPasswordAsync("dee@example.org", NewPassword)).Succeeded.ShouldBeTrue("the first password stays");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    [InlineData(null)]
    public async Task Without_a_single_sign_on_in_the_last_ten_minutes_no_password_is_set(int? minutesAgo)
    {
        var stampBefore = await StampAsync(_dee.Id);

        var set = await _passwords.SetPasswordAsync(_deeActor, minutesAgo is { } m ? Now.AddMinutes(-m) : null, NewPassword, Ct);

        set.IsForbidden.ShouldBeTrue();
        set.ErrorCode.ShouldBe(OrganiserErrors.SignInAgainToSetPassword.Code);
        (await _passwords.HasPasswordAsync(_deeActor, Ct)).ShouldBeFalse();
        (await StampAsync(_dee.Id)).ShouldBe(stampBefore);
        (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.PasswordSet, 0, 10, Ct)).Value!.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("too short")]
    [InlineData("password1234")]
    public async Task A_password_follows_the_ordinary_rules(string password)
    {
        var set = await _passwords.SetPasswordAsync(_deeActor, Now.AddMinutes(-1), password, Ct);

        set.Errors.ShouldContain(e => e.Field == "NewPassword");
        (await _passwords.HasPasswordAsync(_deeActor, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Someone_else_cannot_set_a_password_on_an_account()
    {
        (await _passwords.SetPasswordAsync(Actor.Anonymous, Now, NewPassword, Ct)).IsForbidden.ShouldBeTrue();
        (await _passwords.HasPasswordAsync(_deeActor, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task While_single_sign_on_is_required_only_administrators_sign_in_with_a_password()
    {
        var policy = _core.Get<SiteSignInPolicy>();
        var olive = await _core.AddAsync("Olive Organiser", "olive@example.org");

        (await policy.SetSingleSignOnRequiredAsync(Actor.Organiser(olive.Id, olive.DisplayName), true, Ct)).IsForbidden.ShouldBeTrue();
        (await policy.IsSingleSignOnRequiredAsync(Ct)).ShouldBeFalse();
        (await CheckPasswordAsync("olive@example.org", OrganiserServices.Password)).Succeeded.ShouldBeTrue();

        (await policy.SetSingleSignOnRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();

        (await policy.IsSingleSignOnRequiredAsync(Ct)).ShouldBeTrue();
        (await policy.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse("two-step sign-in is a separate rule");
        var refused = await CheckPasswordAsync("olive@example.org", OrganiserServices.Password);
        refused.Succeeded.ShouldBeFalse();
        refused.IsNotAllowed.ShouldBeTrue();
        (await CheckPasswordAsync("ada@example.org", OrganiserServices.Password)).Succeeded.ShouldBeTrue("an administrator can always sign in with a password");

        (await policy.SetSingleSignOnRequiredAsync(_ada, false, Ct)).Succeeded.ShouldBeTrue();
        (await CheckPasswordAsync("olive@example.org", OrganiserServices.Password)).Succeeded.ShouldBeTrue();
        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.SingleSignOnRequirementChanged, 0, 10, Ct)).Value!.Items;
        log.Select(e => e.Summary).ShouldBe([
            "Stopped requiring single sign-on (organisers may use a password)",
            "Required single sign-on for organisers (administrators may still use a password)"]);
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var scope = _core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(id))!);
    }

    private async Task<SignInResult> CheckPasswordAsync(string email, string password)
    {
        await using var scope = _core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Organiser>>();
        return await signIn.CheckPasswordSignInAsync((await users.FindByEmailAsync(email))!, password, lockoutOnFailure: true);
    }
}
