using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Web.Features.Account;
using EventHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Account;

public sealed class OrganisersPageTests : WebTestContext
{
    private Organiser _ada = default!;
    private Organiser _olive = default!;

    protected override async Task OnInitializedAsync()
    {
        var accounts = Core.Get<OrganiserAccounts>();
        Services.AddSingleton(accounts);
        Services.AddSingleton(Core.Get<SiteSignInPolicy>());
        Services.AddSingleton(new InvitationService(Core.Provider.GetRequiredService<IServiceScopeFactory>(), Core.Database, Core.Clock));
        _ada = (await accounts.AddOrganiserAsync(Actor.System, new OrganiserInput("Ada Admin", "ada@example.org", "correct horse battery", true))).Value!;
        _olive = (await accounts.AddOrganiserAsync(Actor.System, new OrganiserInput("Olive Organiser", "olive@example.org", "correct horse battery", false))).Value!;
        SignInAsAnAdministrator(_ada.Id, _ada.DisplayName);
    }

    [Fact]
    public void Disabling_an_organiser_says_so_and_shows_them_disabled()
    {
        var cut = Render<OrganisersPage>();

        cut.WaitForElement($"[data-email='{_olive.Email}'] [data-testid=disable]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("Olive Organiser is disabled"));
        cut.Find($"[data-email='{_olive.Email}']").TextContent.ShouldContain("Disabled");
        cut.Find($"[data-email='{_olive.Email}'] [data-testid=enable]").ShouldNotBeNull();
    }

    [Fact]
    public void Each_action_on_an_organiser_says_what_happened_and_the_row_offers_the_opposite_next()
    {
        var cut = Render<OrganisersPage>();
        var row = $"[data-email='{_olive.Email}']";

        void Act(string button, string said, string thenOffered)
        {
            cut.WaitForElement($"{row} [data-testid={button}]").Click();
            cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain(said));
            cut.FindAll("[data-testid=error-summary]").ShouldBeEmpty();
            cut.Find($"{row} [data-testid={thenOffered}]").ShouldNotBeNull();
        }

        Act("disable", "Olive Organiser is disabled", thenOffered: "enable");
        Act("enable", "Olive Organiser can sign in again", thenOffered: "disable");
        Act("make-administrator", "Olive Organiser is now an administrator", thenOffered: "make-organiser");
        cut.Find(row).TextContent.ShouldContain("Administrator");
        Act("make-organiser", "Olive Organiser is now an organiser", thenOffered: "make-administrator");
    }

    [Fact]
    public async Task Allowing_an_organiser_to_answer_data_requests_says_so_shows_it_and_can_be_taken_back()
    {
        var cut = Render<OrganisersPage>();
        var row = $"[data-email='{_olive.Email}']";
        cut.FindAll($"[data-email='{_ada.Email}'] [data-testid=allow-data-requests]").ShouldBeEmpty("administrators have it anyway");

        cut.WaitForElement($"{row} [data-testid=allow-data-requests]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("Olive Organiser can now answer subject-access and erasure requests"));
        cut.Find(row).TextContent.ShouldContain("answers data requests");
        (await Core.Get<OrganiserAccounts>().ListAsync(Actor.System)).Single(r => r.Id == _olive.Id).CanAnswerDataRequests.ShouldBeTrue();

        cut.Find($"{row} [data-testid=stop-data-requests]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("Olive Organiser can no longer answer"));
        cut.Find($"{row} [data-testid=allow-data-requests]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Acting_on_an_organiser_another_administrator_has_just_removed_says_so_and_what_to_do_next()
    {
        var cut = Render<OrganisersPage>();
        cut.WaitForElement($"[data-email='{_olive.Email}'] [data-testid=disable]");
        (await Core.Get<OrganiserAccounts>().RemoveAsync(Actor.System, _olive.Id)).Succeeded.ShouldBeTrue();

        cut.Find($"[data-email='{_olive.Email}'] [data-testid=disable]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(OrganiserErrors.OrganiserGone.Message));
        OrganiserErrors.OrganiserGone.Message.ShouldContain("The list now shows everyone who is left");
        cut.FindAll("[data-testid=organiser-message]").ShouldBeEmpty();
        cut.FindAll($"[data-email='{_olive.Email}']").ShouldBeEmpty();
    }

    [Fact]
    public void Requiring_two_step_sign_in_and_sending_an_invitation_again_each_say_what_happened()
    {
        var cut = Render<OrganisersPage>();

        cut.WaitForElement("[data-testid=require-two-step]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("Two-step sign-in is now required"));
        cut.Find("[data-testid=stop-requiring-two-step]").ShouldNotBeNull();

        cut.Find("#invite-DisplayName").Change("Dee Door");
        cut.Find("#invite-Email").Change("dee@example.org");
        cut.Find("[data-testid=invite-form]").Submit();
        cut.WaitForElement("[data-testid=invitation-row][data-email='dee@example.org'] [data-testid=resend-invitation]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("We have emailed a new invitation link to dee@example.org"));
    }

    [Fact]
    public void The_last_administrator_cannot_be_made_an_organiser_and_the_page_says_why()
    {
        var cut = Render<OrganisersPage>();

        cut.WaitForElement($"[data-email='{_ada.Email}'] [data-testid=make-organiser]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(OrganiserErrors.LastAdministrator.Message));
        cut.Find($"[data-email='{_ada.Email}']").TextContent.ShouldContain("Administrator");
    }

    [Fact]
    public async Task Removing_an_organiser_asks_first_then_removes_them()
    {
        var cut = Render<OrganisersPage>();

        cut.WaitForElement($"[data-email='{_olive.Email}'] [data-testid=remove]").Click();
        cut.Find("[data-testid=remove-confirm]").TextContent.ShouldContain("Remove Olive Organiser?");
        (await Core.Get<OrganiserAccounts>().ListAsync(Actor.System)).Count.ShouldBe(2);
        cut.Find("[data-testid=confirm-remove]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("Olive Organiser has been removed"));
        cut.FindAll("[data-testid=organiser-row]").Count.ShouldBe(1);
    }

    [Fact]
    public void Inviting_lists_the_invitation_and_withdrawing_it_takes_it_off_the_list()
    {
        var cut = Render<OrganisersPage>();

        cut.WaitForElement("#invite-DisplayName").Change("Dee Door");
        cut.Find("#invite-Email").Change("dee@example.org");
        cut.Find("[data-testid=invite-role-administrator]").Change(true);
        cut.Find("[data-testid=invite-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("We have emailed an invitation to dee@example.org"));
        var row = cut.Find("[data-testid=invitation-row][data-email='dee@example.org']");
        row.TextContent.ShouldContain("Administrator");
        row.TextContent.ShouldContain("Works until");

        cut.Find("[data-testid=invitation-row][data-email='dee@example.org'] [data-testid=revoke-invitation]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=organiser-message]").TextContent.ShouldContain("The invitation to dee@example.org is withdrawn"));
        cut.FindAll("[data-testid=invitation-row]").ShouldBeEmpty();
    }

    [Fact]
    public void Inviting_an_address_that_already_has_an_account_shows_the_error_and_keeps_what_was_typed()
    {
        var cut = Render<OrganisersPage>();

        cut.WaitForElement("#invite-DisplayName").Change("Olive again");
        cut.Find("#invite-Email").Change(_olive.Email!);
        cut.Find("[data-testid=invite-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(InvitationErrors.AlreadyAnOrganiser.Message));
        cut.Find("#invite-Email").GetAttribute("value").ShouldBe(_olive.Email);
    }
}
