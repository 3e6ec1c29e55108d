using EventHub.Core.Common;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>
/// Single sign-on against a real OpenID Connect provider started in the test (<see cref="TestOpenIdProvider"/>): a
/// stranger's first sign-in makes nothing; an invited address becomes an organiser at its first sign-in, signs in
/// again the same way and sets a password; once administrators require single sign-on, only an administrator's
/// password still signs in.
/// </summary>
public sealed class SingleSignOnJourney(BrowserFixture browser) : IAsyncLifetime
{
    private TestOpenIdProvider _provider = default!;
    private AppHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await TestOpenIdProvider.StartAsync();
        _app = new AppHost(new Dictionary<string, string?>
        {
            ["EventHub:SingleSignOn:Authority"] = _provider.Authority,
            ["EventHub:SingleSignOn:ClientId"] = TestOpenIdProvider.ClientId,
            ["EventHub:SingleSignOn:ClientSecret"] = TestOpenIdProvider.ClientSecret,
            ["EventHub:SingleSignOn:DisplayName"] = "Devon Council account",
            ["EventHub:SingleSignOn:RequireHttpsMetadata"] = "false",
        });
        await _provider.RegisterClientAsync(_app.BaseUrl);
        using var http = new HttpClient();
        (await http.GetStringAsync(_provider.Authority + ".well-known/openid-configuration")).ShouldContain("authorization_endpoint");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Only_an_invited_address_becomes_an_organiser_at_its_first_single_sign_on()
    {
        var ada = await _app.NewOrganiserAsync("Ada Admin");
        var accounts = _app.Service<OrganiserAccounts>();
        var adaActor = Actor.Organiser((await accounts.ListAsync(Actor.System)).Single(o => o.Email == ada.Email).Id, ada.DisplayName, isAdministrator: true);

        // A stranger: the provider vouches for them, but nobody invited them, so nothing is made.
        _provider.SignedInEmail = "stranger@devon.gov.uk";
        var stranger = await browser.NewPageAsync();
        await stranger.GotoAsync(_app.Url("/account/login"));
        await stranger.ShouldHaveNoAxeViolationsAsync();
        await stranger.GetByTestId("sign-in-sso").ClickAsync();
        await stranger.WaitForURLAsync("**/account/login?sso=not-invited");
        await Assertions.Expect(stranger.GetByTestId("error-summary")).ToContainTextAsync(InvitationErrors.NotInvited.Message);
        await stranger.ShouldHaveNoAxeViolationsAsync();
        (await accounts.ListAsync(Actor.System)).ShouldNotContain(o => o.Email == "stranger@devon.gov.uk");

        // An existing organiser's address that the provider has not verified: refused, with what to do instead.
        _provider.SignedInEmail = ada.Email;
        _provider.EmailVerified = false;
        var unverified = await browser.NewPageAsync();
        await unverified.GotoAsync(_app.Url("/account/login"));
        await unverified.GetByTestId("sign-in-sso").ClickAsync();
        await unverified.WaitForURLAsync("**/account/login?sso=unverified");
        await Assertions.Expect(unverified.GetByTestId("error-summary")).ToContainTextAsync(InvitationErrors.EmailNotVerified.Message);
        await unverified.ShouldHaveNoAxeViolationsAsync();
        _provider.EmailVerified = true;

        // An invited address: the first sign-in makes the organiser and uses the invitation up.
        var invited = await _app.Service<InvitationService>().InviteAsync(adaActor, new InvitationInput("Dee Door", "dee@devon.gov.uk", false), Ct);
        invited.Succeeded.ShouldBeTrue(invited.Message);
        _provider.SignedInEmail = "dee@devon.gov.uk";
        var dee = await browser.NewPageAsync(phone: true);
        await dee.GotoAsync(_app.Url("/account/login"));
        // The sign-in page with single sign-on configured, on a 360 px phone (WCAG 2.2 target size of the header links).
        await dee.ShouldHaveNoAxeViolationsAsync();
        await dee.GetByTestId("sign-in-sso").ClickAsync();
        await dee.WaitForURLAsync("**/organiser/events");
        await Assertions.Expect(dee.Locator("h1")).ToHaveTextAsync("Events");
        await dee.ShouldHaveNoAxeViolationsAsync();
        (await accounts.ListAsync(Actor.System)).ShouldContain(o => o.Email == "dee@devon.gov.uk" && o.DisplayName == "Dee Door" && !o.IsAdministrator);
        (await _app.Service<InvitationService>().ListPendingAsync(adaActor, Ct)).Value.ShouldBeEmpty();

        // The next time, the same organiser signs in the same way.
        var again = await browser.NewPageAsync();
        await again.GotoAsync(_app.Url("/account/login"));
        await again.GetByTestId("sign-in-sso").ClickAsync();
        await again.WaitForURLAsync("**/organiser/events");

        // Dee has no password: straight after a single sign-on, their account page offers to set one, by the ordinary rules.
        await again.GotoAsync(_app.Url("/account/password"));
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("Set a password");
        await again.ShouldHaveNoAxeViolationsAsync();
        await again.GetByTestId("NewPassword").FillAsync("too short");
        await again.GetByTestId("ConfirmPassword").FillAsync("too short");
        await again.GetByTestId("set-password").ClickAsync();
        await Assertions.Expect(again.GetByTestId("error-summary")).ToContainTextAsync("There is a problem");
        await again.ShouldHaveNoAxeViolationsAsync();
        const string deePassword = "blue heron over the exe";
        await again.GetByTestId("NewPassword").FillAsync(deePassword);
        await again.GetByTestId("ConfirmPassword").FillAsync(deePassword);
        await again.GetByTestId("set-password").ClickAsync();
        await Assertions.Expect(again.GetByTestId("password-changed")).ToContainTextAsync("Your password is set");
        await again.ShouldHaveNoAxeViolationsAsync();

        // Administrators require single sign-on: the sign-in page offers a password to administrators only, and Dee's is refused.
        (await _app.Service<SiteSignInPolicy>().SetSingleSignOnRequiredAsync(adaActor, true, Ct)).Succeeded.ShouldBeTrue();
        // On a 360 px phone too: the sign-in page while single sign-on is required (target size as above).
        var ssoOnly = await browser.NewPageAsync(phone: true);
        await ssoOnly.GotoAsync(_app.Url("/account/login"));
        await Assertions.Expect(ssoOnly.GetByTestId("single-sign-on-only")).ToContainTextAsync("Organisers sign in with Devon Council account");
        await Assertions.Expect(ssoOnly.GetByTestId("Email")).ToBeHiddenAsync();
        await ssoOnly.ShouldHaveNoAxeViolationsAsync();
        await ssoOnly.GetByText("Administrators: sign in with your password").ClickAsync();
        await ssoOnly.GetByTestId("Email").FillAsync("dee@devon.gov.uk");
        await ssoOnly.GetByTestId("Password").FillAsync(deePassword);
        await ssoOnly.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(ssoOnly.GetByTestId("error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await ssoOnly.ShouldHaveNoAxeViolationsAsync();
        await ssoOnly.GetByTestId("Email").FillAsync(ada.Email);
        await ssoOnly.GetByTestId("Password").FillAsync(ada.Password);
        await ssoOnly.GetByTestId("sign-in").ClickAsync();
        await ssoOnly.WaitForURLAsync("**/organiser/events");

        var log = (await _app.Service<SecurityLog>().ListAsync(adaActor, null, 0, 50, Ct)).Value!.Items;
        log.ShouldContain(e => e.Action == SecurityAction.SignInFailed && e.Summary.StartsWith("Single sign-on (Devon Council account) refused: no organiser or invitation", StringComparison.Ordinal));
        log.ShouldAllBe(e => !e.Summary.Contains("stranger@", StringComparison.Ordinal));
        log.ShouldContain(e => e.Action == SecurityAction.InvitationAccepted && e.ActorName == "Dee Door" && e.Summary.Contains("by single sign-on", StringComparison.Ordinal));
        log.ShouldContain(e => e.Action == SecurityAction.SignedIn && e.ActorName == "Dee Door" && e.Summary == "Signed in with single sign-on (Devon Council account)");
        log.ShouldContain(e => e.Action == SecurityAction.PasswordSet && e.ActorName == "Dee Door");
        log.ShouldContain(e => e.Action == SecurityAction.SingleSignOnRequirementChanged && e.ActorName == ada.DisplayName);
    }
}
