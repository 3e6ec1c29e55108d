using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>
/// "Organisers must sign in with single sign-on" reaches what was already open: password sessions of organisers who are
/// not administrators end at their next cookie or circuit check, and a password invitation asks for single sign-on
/// instead of a password nobody could use. Real database, real Identity, Identity's own cookie check.
/// </summary>
public sealed class SingleSignOnRequiredTests : IAsyncLifetime
{
    private CoreServices _core = default!;
    private Organiser _ada = default!;
    private Organiser _olive = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync(s =>
        {
            s.AddAuthentication().AddIdentityCookies();
            s.AddInvitations();
        });
        _ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Requiring_it_ends_open_password_sessions_of_organisers_at_their_next_check_and_keeps_administrators_and_single_sign_on_sessions()
    {
        var olivePassword = await _core.PrincipalAsync(_olive.Id);
        var oliveSso = WithSingleSignOn(await _core.PrincipalAsync(_olive.Id));
        var adaPassword = await _core.PrincipalAsync(_ada.Id);
        (await CookieCheckAsync(olivePassword)).ShouldNotBeNull("before the change every session goes on");
        (await CircuitCheckAsync(olivePassword)).ShouldBeTrue();

        (await _core.Get<SiteSignInPolicy>().SetSingleSignOnRequiredAsync(AdaActor, true, Ct)).Succeeded.ShouldBeTrue();

        (await CookieCheckAsync(olivePassword)).ShouldBeNull("her password session ends at the next cookie check");
        (await CircuitCheckAsync(olivePassword)).ShouldBeFalse("and her open pages at the next circuit check");
        (await CookieCheckAsync(oliveSso)).ShouldNotBeNull("a single sign-on session goes on");
        (await CircuitCheckAsync(oliveSso)).ShouldBeTrue();
        (await CookieCheckAsync(adaPassword)).ShouldNotBeNull("administrators may always use a password");
        (await CircuitCheckAsync(adaPassword)).ShouldBeTrue();
        (await CookieCheckAsync(oliveSso))!.FindFirstValue(OrganiserClaims.SingleSignOnAt).ShouldNotBeNull("the check keeps how the session signed in");
    }

    [Fact]
    public async Task While_it_is_required_an_organisers_invitation_asks_for_single_sign_on_and_makes_no_account_with_a_password()
    {
        var deeToken = await InviteAsync("Dee Door", "dee@example.org", isAdministrator: false);
        var amyToken = await InviteAsync("Amy Admin", "amy@example.org", isAdministrator: true);
        (await _core.Get<InvitationService>().FindAsync(deeToken, Ct)).Value!.UseSingleSignOn.ShouldBeFalse();

        (await _core.Get<SiteSignInPolicy>().SetSingleSignOnRequiredAsync(AdaActor, true, Ct)).Succeeded.ShouldBeTrue();

        var invitations = _core.Get<InvitationService>();
        (await invitations.FindAsync(deeToken, Ct)).Value!.UseSingleSignOn.ShouldBeTrue();
        var accept = await invitations.AcceptAsync(deeToken, "plum garden kettle", Ct);
        accept.ErrorCode.ShouldBe(InvitationErrors.UseSingleSignOn.Code);
        accept.Message.ShouldBe("Organisers sign in to EventHub with single sign-on, so you do not set a password. Sign in with single sign-on using this email address to finish joining.");
        (await invitations.FindAsync(amyToken, Ct)).Value!.UseSingleSignOn.ShouldBeFalse("an administrator may still use a password");
        (await invitations.AcceptAsync(amyToken, "plum garden kettle", Ct)).Succeeded.ShouldBeTrue();
        await using var db = _core.Database.CreateDbContext();
        (await db.Users.AnyAsync(u => u.Email == "dee@example.org", Ct)).ShouldBeFalse();
        (await db.Set<Invitation>().CountAsync(Ct)).ShouldBe(1, "hers waits to be used by single sign-on");
    }

    private Actor AdaActor => Actor.Organiser(_ada.Id, _ada.DisplayName, isAdministrator: true);

    private static ClaimsPrincipal WithSingleSignOn(ClaimsPrincipal principal)
    {
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(OrganiserClaims.SingleSignOnAt, DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        return principal;
    }

    /// <summary>The sign-in cookie's check as the app runs it (<see cref="OrganiserSessionValidator"/>, Identity's base); null when it rejects.</summary>
    private async Task<ClaimsPrincipal?> CookieCheckAsync(ClaimsPrincipal principal)
    {
        await using var scope = _core.Provider.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var validator = ActivatorUtilities.CreateInstance<OrganiserSessionValidator>(scope.ServiceProvider);
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        // Issued long ago, so the check is due whatever the clock says.
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = DateTimeOffset.UnixEpoch }, scheme.Name);
        var context = new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(), ticket);
        await validator.ValidateAsync(context);
        return context.Principal;
    }

    private Task<bool> CircuitCheckAsync(ClaimsPrincipal principal) =>
        _core.Get<OrganiserAccounts>().IsSignInCurrentAsync(
            principal.FindFirstValue(ClaimTypes.NameIdentifier)!, principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType),
            ct: Ct, bySingleSignOn: OrganiserClaims.SingleSignOnAtUtc(principal) is not null);

    private async Task<string> InviteAsync(string name, string email, bool isAdministrator)
    {
        var token = SecureTokens.New();
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        await using var db = _core.Database.CreateDbContext();
        db.Add(new Invitation
        {
            DisplayName = name, Email = email, NormalizedEmail = EmailAddresses.Normalise(email), IsAdministrator = isAdministrator,
            TokenHash = SecureTokens.Hash(token), SentUtc = now, ExpiresUtc = now.AddDays(7), InvitedById = _ada.Id, InvitedByName = _ada.DisplayName,
        });
        await db.SaveChangesAsync(Ct);
        return token;
    }
}
