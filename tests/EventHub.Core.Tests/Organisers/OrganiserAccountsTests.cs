using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>Administrators managing organisers, on a real database with real Identity.</summary>
public sealed class OrganiserAccountsTests : IAsyncLifetime
{
    private const string Password = OrganiserServices.Password;

    private CoreServices _core = default!;
    private OrganiserAccounts _accounts = default!;
    private Organiser _ada = default!;
    private Organiser _olive = default!;
    private Actor _adaActor = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync();
        _accounts = _core.Get<OrganiserAccounts>();
        _ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _adaActor = Actor.Organiser(_ada.Id, _ada.DisplayName, isAdministrator: true);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Only_administrators_manage_organisers()
    {
        var olive = Actor.Organiser(_olive.Id, _olive.DisplayName);

        (await _accounts.DisableAsync(olive, _ada.Id, Ct)).IsForbidden.ShouldBeTrue();
        (await _accounts.SetAdministratorAsync(olive, _olive.Id, true, Ct)).IsForbidden.ShouldBeTrue();
        (await _accounts.RemoveAsync(olive, _ada.Id, Ct)).IsForbidden.ShouldBeTrue();
        (await RowAsync(_olive.Id)).IsAdministrator.ShouldBeFalse();
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_disabled_demoted_or_removed()
    {
        (await _accounts.DisableAsync(_adaActor, _ada.Id, Ct)).ErrorCode.ShouldBe(OrganiserErrors.LastAdministrator.Code);
        (await _accounts.SetAdministratorAsync(_adaActor, _ada.Id, false, Ct)).ErrorCode.ShouldBe(OrganiserErrors.LastAdministrator.Code);
        (await _accounts.RemoveAsync(_adaActor, _ada.Id, Ct)).ErrorCode.ShouldBe(OrganiserErrors.LastAdministrator.Code);

        var row = await RowAsync(_ada.Id);
        row.IsAdministrator.ShouldBeTrue();
        row.IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_disabled_administrator_does_not_count_as_another_one()
    {
        (await _accounts.SetAdministratorAsync(_adaActor, _olive.Id, true, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.DisableAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();

        (await _accounts.SetAdministratorAsync(_adaActor, _ada.Id, false, Ct)).ErrorCode.ShouldBe(OrganiserErrors.LastAdministrator.Code);

        (await _accounts.EnableAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.SetAdministratorAsync(_adaActor, _ada.Id, false, Ct)).Succeeded.ShouldBeTrue();
        (await RowAsync(_ada.Id)).IsAdministrator.ShouldBeFalse();
    }

    [Fact]
    public async Task A_disabled_organiser_cannot_sign_in_and_can_again_once_re_enabled()
    {
        (await SignInAsync("olive@example.org", Password)).Succeeded.ShouldBeTrue();

        (await _accounts.DisableAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();

        var refused = await SignInAsync("olive@example.org", Password);
        refused.Succeeded.ShouldBeFalse();
        refused.IsNotAllowed.ShouldBeTrue();
        (await RowAsync(_olive.Id)).IsDisabled.ShouldBeTrue();

        (await _accounts.EnableAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();
        (await SignInAsync("olive@example.org", Password)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Disabling_a_new_role_or_a_new_password_ends_the_sessions_already_open()
    {
        var stamp = await StampAsync(_olive.Id);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeTrue();

        await _accounts.DisableAsync(_adaActor, _olive.Id, Ct);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeFalse();

        await _accounts.EnableAsync(_adaActor, _olive.Id, Ct);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeFalse("re-enabling does not bring old sessions back");
        stamp = await StampAsync(_olive.Id);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeTrue();

        await _accounts.SetAdministratorAsync(_adaActor, _olive.Id, true, Ct);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeFalse("a new site role needs a new sign-in");
        stamp = await StampAsync(_olive.Id);

        await using (var scope = _core.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
            var olive = (await users.FindByIdAsync(_olive.Id))!;
            (await users.ChangePasswordAsync(olive, Password, "a different long passphrase")).Succeeded.ShouldBeTrue();
        }

        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeFalse("a changed password ends the other sessions");
    }

    [Fact]
    public async Task An_administrator_unlocks_an_account_locked_after_failed_sign_ins()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync("olive@example.org", "wrong password " + i);
        }

        (await RowAsync(_olive.Id)).IsLockedOut.ShouldBeTrue();
        (await SignInAsync("olive@example.org", Password)).IsLockedOut.ShouldBeTrue();

        var unlocked = await _accounts.UnlockAsync(_adaActor, _olive.Id, Ct);

        unlocked.Succeeded.ShouldBeTrue();
        unlocked.Value!.IsLockedOut.ShouldBeFalse();
        (await SignInAsync("olive@example.org", Password)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Removing_an_organiser_removes_their_places_on_teams()
    {
        await using (var db = await _core.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct))
        {
            var series = new Core.Events.EventSeries { Name = "Forum", Slug = "forum" };
            db.Series.Add(series);
            await db.SaveChangesAsync(Ct);
            db.Set<TeamMember>().Add(new TeamMember { SeriesId = series.Id, OrganiserId = _olive.Id, Role = TeamRole.Editor });
            await db.SaveChangesAsync(Ct);
        }

        (await _accounts.RemoveAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();

        await using var check = await _core.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await check.Users.AnyAsync(u => u.Id == _olive.Id, Ct)).ShouldBeFalse();
        (await check.Set<TeamMember>().AnyAsync(Ct)).ShouldBeFalse();
        (await check.Series.CountAsync(Ct)).ShouldBe(1);
        (await _accounts.RemoveAsync(_adaActor, _olive.Id, Ct)).IsNotFound.ShouldBeTrue();
    }

    private async Task<OrganiserRow> RowAsync(string id) => (await _accounts.ListAsync(_adaActor)).Single(r => r.Id == id);

    private async Task<string?> StampAsync(string id)
    {
        await using var db = await _core.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }

    private async Task<SignInResult> SignInAsync(string email, string password)
    {
        await using var scope = _core.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Organiser>>();
        var user = await users.FindByEmailAsync(email);
        return await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true);
    }
}
