using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>Turning two-step sign-in on and off for one's own account, on a real database with real Identity.</summary>
public sealed class TwoStepSignInTests : IAsyncLifetime
{
    private CoreServices _core = default!;
    private TwoStepSignIn _twoStep = default!;
    private Organiser _olive = default!;
    private Actor _oliveActor = default!;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync();
        _twoStep = _core.Get<TwoStepSignIn>();
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _oliveActor = Actor.Organiser(_olive.Id, _olive.DisplayName);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task An_organiser_turns_it_on_with_a_code_from_their_app_and_gets_ten_recovery_codes_once()
    {
        var setup = (await _twoStep.BeginAsync(_oliveActor)).Value!;
        setup.AuthenticatorUri.ShouldBe($"otpauth://totp/EventHub:olive%40example.org?secret={setup.SharedKey}&issuer=EventHub&digits=6");
        (await _twoStep.BeginAsync(_oliveActor)).Value!.SharedKey.ShouldBe(setup.SharedKey, "a reload shows the key already scanned");

        var wrong = await _twoStep.EnableAsync(_oliveActor, WrongCode(setup.SharedKey));
        wrong.ErrorFor("Code").ShouldBe(OrganiserErrors.WrongCode);
        (await _twoStep.StatusAsync(_oliveActor)).Value!.IsOn.ShouldBeFalse();

        var code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow);
        var on = await _twoStep.EnableAsync(_oliveActor, code[..3] + " " + code[3..]);

        on.Succeeded.ShouldBeTrue(on.Message);
        on.Value!.Count.ShouldBe(10);
        on.Value.Distinct().Count().ShouldBe(10);
        (await _twoStep.StatusAsync(_oliveActor)).Value.ShouldBe(new TwoStepStatus(true, 10));
        (await _twoStep.BeginAsync(_oliveActor)).ErrorCode.ShouldBe(OrganiserErrors.TwoStepAlreadyOn.Code);
        await using var db = _core.Database.CreateDbContext();
        var stored = await db.UserTokens.AsNoTracking().Where(t => t.UserId == _olive.Id).Select(t => t.Value).ToListAsync(TestContext.Current.CancellationToken);
        string.Join("|", stored).ShouldNotContain(on.Value[0], Case.Insensitive, "recovery codes are stored hashed");
        var users = _core.Provider.CreateScope().ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var olive = (await users.FindByIdAsync(_olive.Id))!;
        (await users.RedeemTwoFactorRecoveryCodeAsync(olive, " " + on.Value[1].ToLowerInvariant() + " ")).Succeeded.ShouldBeTrue("a code works once, typed in any case");
        (await users.RedeemTwoFactorRecoveryCodeAsync(olive, on.Value[1])).Succeeded.ShouldBeFalse("and only once");
        (await users.CountRecoveryCodesAsync(olive)).ShouldBe(9);
    }

    [Fact]
    public async Task Turning_it_off_forgets_the_key_and_every_change_is_in_the_security_log()
    {
        var setup = (await _twoStep.BeginAsync(_oliveActor)).Value!;
        (await _twoStep.EnableAsync(_oliveActor, Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow))).Succeeded.ShouldBeTrue();
        var renewed = await _twoStep.RenewRecoveryCodesAsync(_oliveActor);
        renewed.Value!.Count.ShouldBe(10);

        (await _twoStep.DisableAsync(_oliveActor)).Succeeded.ShouldBeTrue();

        (await _twoStep.StatusAsync(_oliveActor)).Value!.IsOn.ShouldBeFalse();
        (await _twoStep.BeginAsync(_oliveActor)).Value!.SharedKey.ShouldNotBe(setup.SharedKey, "setting it up again needs a new scan");
        (await _twoStep.DisableAsync(_oliveActor)).ErrorCode.ShouldBe(OrganiserErrors.TwoStepNotOn.Code);
        var admin = Actor.Organiser("admin", "Ada Admin", isAdministrator: true);
        var log = (await _core.Get<SecurityLog>().ListAsync(admin, null, 0, 10)).Value!.Items;
        log.Take(3).Select(e => (e.Action, e.ActorName)).ShouldBe([
            (SecurityAction.TwoStepTurnedOff, "Olive Organiser"), (SecurityAction.RecoveryCodesRenewed, "Olive Organiser"), (SecurityAction.TwoStepTurnedOn, "Olive Organiser"),
        ]);
    }

    [Fact]
    public async Task Nobody_changes_two_step_sign_in_for_anyone_but_themselves()
    {
        (await _twoStep.BeginAsync(Actor.Anonymous)).IsForbidden.ShouldBeTrue();
        (await _twoStep.EnableAsync(Actor.Organiser("someone-else", "Sam"), "123456")).IsForbidden.ShouldBeTrue();
        (await _twoStep.DisableAsync(Actor.Organiser("someone-else", "Sam"))).IsForbidden.ShouldBeTrue();
    }

    // A code from a step far outside the window Identity accepts.
    private static string WrongCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-3));
}
