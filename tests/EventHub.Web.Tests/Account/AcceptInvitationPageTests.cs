using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Web.Features.Account;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Account;

/// <summary>
/// The page an invitation's link opens: while the site requires single sign-on of the invited organiser it asks them to
/// join that way and offers no password form; an administrator's invitation still sets a password.
/// </summary>
public sealed class AcceptInvitationPageTests : WebTestContext
{
    private readonly PlainForm _request = new();
    private Organiser _ada = default!;

    protected override async Task OnInitializedAsync()
    {
        PlainForm.AddServices(this);
        var accounts = Core.Get<OrganiserAccounts>();
        Services.AddSingleton(Core.Get<SiteSignInPolicy>());
        Services.AddSingleton(new InvitationService(Core.Provider.GetRequiredService<IServiceScopeFactory>(), Core.Database, Core.Clock));
        // The page signs in only after a password is set, which these tests never do. (Identity's scoped services come
        // from the root here, so they go when Core does.)
        var sp = Core.Provider;
        Services.AddSingleton(new SignInManager<Organiser>(sp.GetRequiredService<UserManager<Organiser>>(), new HttpContextAccessor(),
            sp.GetRequiredService<IUserClaimsPrincipalFactory<Organiser>>(), sp.GetRequiredService<IOptions<IdentityOptions>>(),
            NullLogger<SignInManager<Organiser>>.Instance, new AuthenticationSchemeProvider(Options.Create(new AuthenticationOptions())),
            new DefaultUserConfirmation<Organiser>()));
        _ada = (await accounts.AddOrganiserAsync(Actor.System, new OrganiserInput("Ada Admin", "ada@example.org", "correct horse battery", true))).Value!;
    }

    [Fact]
    public async Task While_single_sign_on_is_required_an_organisers_link_asks_them_to_join_with_it_and_shows_no_password_form()
    {
        var token = await InviteAsync("Dee <b>Door</b>", "dee@example.org", isAdministrator: false);
        await RequireSingleSignOnAsync();

        var page = Render<AcceptInvitation>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));

        page.Find("h1").TextContent.ShouldBe("Join EventHub");
        page.Find("[data-testid=invitation-for]").TextContent.ShouldContain("as Dee <b>Door</b> (dee@example.org)");
        page.Find("[data-testid=invitation-for] strong").InnerHtml.ShouldBe("Dee &lt;b&gt;Door&lt;/b&gt;", "the name is encoded");
        page.Find("[data-testid=invitation-use-sso]").TextContent.ShouldContain("so you do not set a password");
        page.Find("a[data-testid=invitation-sso]").GetAttribute("href").ShouldBe("/account/login/sso");
        page.FindAll("input[type=password]").ShouldBeEmpty();
        page.FindAll("form").ShouldBeEmpty();
    }

    [Fact]
    public async Task While_single_sign_on_is_required_an_administrators_link_still_sets_a_password()
    {
        var token = await InviteAsync("Amy Admin", "amy@example.org", isAdministrator: true);
        await RequireSingleSignOnAsync();

        var page = Render<AcceptInvitation>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));

        page.Find("h1").TextContent.ShouldBe("Set your password");
        page.FindAll("[data-testid=invitation-use-sso]").ShouldBeEmpty();
        page.FindAll("input[type=password]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Without_the_rule_an_organisers_link_sets_a_password()
    {
        var token = await InviteAsync("Dee Door", "dee@example.org", isAdministrator: false);

        var page = Render<AcceptInvitation>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));

        page.Find("h1").TextContent.ShouldBe("Set your password");
        page.FindAll("[data-testid=invitation-sso]").ShouldBeEmpty();
    }

    private async Task RequireSingleSignOnAsync() =>
        (await Core.Get<SiteSignInPolicy>().SetSingleSignOnRequiredAsync(Actor.Organiser(_ada.Id, _ada.DisplayName, isAdministrator: true), true,
            Xunit.TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

    private async Task<string> InviteAsync(string name, string email, bool isAdministrator)
    {
        var token = SecureTokens.New();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        await using var db = Core.Database.CreateDbContext();
        db.Add(new Invitation
        {
            DisplayName = name, Email = email, NormalizedEmail = EmailAddresses.Normalise(email), IsAdministrator = isAdministrator,
            TokenHash = SecureTokens.Hash(token), SentUtc = now, ExpiresUtc = now.AddDays(7), InvitedById = _ada.Id, InvitedByName = _ada.DisplayName,
        });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return token;
    }
}
