using EventHub.Core.Common;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Organisers;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Invitations;

/// <summary>Single sign-on by the address the provider vouches for, on a real database with real Identity.</summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private CoreServices _core = default!;
    private SingleSignOn _sso = default!;
    private Actor _ada = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync(s => s.AddInvitations());
        _sso = _core.Get<SingleSignOn>();
        var ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task An_unknown_address_makes_nothing_an_expired_invitation_neither_and_a_disabled_organiser_is_refused()
    {
        (await _sso.SignInAsync("stranger@example.org", true, "Entra", "127.0.0.1", Ct)).ErrorCode.ShouldBe(InvitationErrors.NotInvited.Code);
        (await _sso.SignInAsync(null, true, "Entra", null, Ct)).ErrorCode.ShouldBe(InvitationErrors.NotInvited.Code);

        await _core.Get<InvitationService>().InviteAsync(_ada, new InvitationInput("Late Larry", "larry@example.org", false), Ct);
        _core.Clock.Advance(TimeSpan.FromDays(InvitationService.ValidDays + 1));
        (await _sso.SignInAsync("larry@example.org", true, "Entra", null, Ct)).ErrorCode.ShouldBe(InvitationErrors.NotInvited.Code);

        var olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        (await _sso.SignInAsync("OLIVE@example.org", true, "Entra", null, Ct)).Value!.Id.ShouldBe(olive.Id);
        await _core.Get<OrganiserAccounts>().DisableAsync(_ada, olive.Id, Ct);
        (await _sso.SignInAsync("olive@example.org", true, "Entra", null, Ct)).ErrorCode.ShouldBe(InvitationErrors.SingleSignOnDisabled.Code);

        (await _core.Get<OrganiserAccounts>().ListAsync(_ada)).Select(o => o.Email).ShouldBe(["ada@example.org", "olive@example.org"]);
        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.SignInFailed, 0, 10, Ct)).Value!.Items;
        log.Count.ShouldBe(4);
        log.ShouldAllBe(e => !e.Summary.Contains("stranger", StringComparison.Ordinal) && !e.Summary.Contains("larry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invited_address_becomes_an_organiser_without_a_password_and_uses_the_invitation_up()
    {
        await _core.Get<InvitationService>().InviteAsync(_ada, new InvitationInput("Abe Admin", "abe@example.org", IsAdministrator: true), Ct);

        var first = await _sso.SignInAsync("abe@example.org", true, "Entra", null, Ct);

        first.Succeeded.ShouldBeTrue(first.Message);
        first.Value!.IsAdministrator.ShouldBeTrue();
        first.Value.PasswordHash.ShouldBeNull();
        (await _core.Get<InvitationService>().ListPendingAsync(_ada, Ct)).Value.ShouldBeEmpty();
        (await _sso.SignInAsync("abe@example.org", true, "Entra", null, Ct)).Value!.Id.ShouldBe(first.Value.Id);
    }

    [Fact]
    public async Task An_address_the_provider_has_not_verified_is_refused_even_for_an_organiser_or_an_invitation_and_nothing_is_used_up()
    {
        var olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        await _core.Get<InvitationService>().InviteAsync(_ada, new InvitationInput("Abe Admin", "abe@example.org", IsAdministrator: true), Ct);

        (await _sso.SignInAsync("olive@example.org", false, "Entra", null, Ct)).ErrorCode.ShouldBe(InvitationErrors.EmailNotVerified.Code);
        (await _sso.SignInAsync("abe@example.org", false, "Entra", null, Ct)).ErrorCode.ShouldBe(InvitationErrors.EmailNotVerified.Code);

        (await _core.Get<InvitationService>().ListPendingAsync(_ada, Ct)).Value!.ShouldHaveSingleItem().Email.ShouldBe("abe@example.org");
        (await _core.Get<OrganiserAccounts>().ListAsync(_ada)).Select(o => o.Email).ShouldNotContain("abe@example.org");
        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.SignInFailed, 0, 10, Ct)).Value!.Items;
        log.Count.ShouldBe(2);
        log.ShouldAllBe(e => e.Summary.Contains("has not verified", StringComparison.Ordinal) && !e.Summary.Contains('@', StringComparison.Ordinal));
        log.ShouldAllBe(e => e.ActorName == "Unknown account", "an unverified address names nobody, not even " + olive.DisplayName);
    }
}
