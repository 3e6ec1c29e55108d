using System.Security.Claims;
using Bunit;
using EventHub.Core.MailingLists;
using EventHub.Core.Tests.Email;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.MailingLists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.MailingLists;

public sealed class MailingListPageTests : BunitContext, IAsyncLifetime
{
    private EmailRig _rig = default!;
    private MailingListService _lists = default!;

    public async ValueTask InitializeAsync()
    {
        _rig = await EmailRig.CreateAsync(smtpPort: null);
        _lists = new MailingListService(_rig.Database, _rig.Clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        AddAuthorization().SetAuthorized("Olive Organiser").SetClaims(new Claim(ClaimTypes.NameIdentifier, "organiser-1"));
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton(_lists);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_up_form_shows_what_is_wrong_and_keeps_what_was_typed()
    {
        var slug = await AddSeriesAsync();
        var page = Render<ListSignUpPage>(p => p.Add(x => x.Slug, slug));

        page.Find("#Name").Change("Ann Attendee");
        page.Find("#Email").Change("ann-at-devon");
        page.Find("form").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("There is a problem"));
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Enter an email address in the correct format");
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Tick the box to agree");
        page.Find("#Name").GetAttribute("value").ShouldBe("Ann Attendee");
        page.Find("#Email").GetAttribute("value").ShouldBe("ann-at-devon");
    }

    [Fact]
    public async Task Signing_up_asks_the_person_to_check_their_email_and_queues_the_confirmation()
    {
        var slug = await AddSeriesAsync();
        var page = Render<ListSignUpPage>(p => p.Add(x => x.Slug, slug));

        page.Find("#Name").Change("Ann Attendee");
        page.Find("#Email").Change("ann@devon.example");
        page.Find("#Consent").Change(true);
        page.Find("form").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid=signup-done]").TextContent.ShouldBe("Check your email"));
        await using var db = _rig.Database.CreateDbContext();
        (await db.Set<ListSubscription>().SingleAsync(Ct)).Status.ShouldBe(SubscriptionStatus.Pending);
        (await db.Set<Core.Email.OutboxMessage>().SingleAsync(Ct)).Template.ShouldBe(MailingListTemplates.Confirm);
    }

    [Fact]
    public async Task Opening_the_confirmation_link_subscribes_only_after_the_button_is_pressed()
    {
        var slug = await AddSeriesAsync();
        await _lists.SignUpAsync(slug, new ListSignUpInput { Name = "Ann", Email = "ann@devon.example", Consent = true }, Ct);
        string token;
        await using (var db = _rig.Database.CreateDbContext())
        {
            token = (await db.Set<ListSubscription>().SingleAsync(Ct)).ConfirmToken;
        }

        var page = Render<ListConfirmPage>(p => p.Add(x => x.Token, token));
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Pending, "a link scanner fetching the page must not subscribe anyone");

        page.Find("[data-testid=confirm-button]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=confirm-done]").TextContent.ShouldBe("You are on the list"));
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Confirmed);
    }

    [Fact]
    public async Task An_organiser_announces_an_edition_to_the_people_on_the_list()
    {
        var (series, evt) = await MailingListTests_AddSeriesEditionAsync();
        await _lists.SignUpAsync(series, new ListSignUpInput { Name = "Ann", Email = "ann@devon.example", Consent = true }, Ct);
        await using (var db = _rig.Database.CreateDbContext())
        {
            await _lists.ConfirmAsync((await db.Set<ListSubscription>().SingleAsync(Ct)).ConfirmToken, Ct);
        }

        var page = Render<AnnounceEditionPage>(p => p.Add(x => x.Id, evt));
        page.WaitForAssertion(() => page.Find("[data-testid=subscriber-count]").TextContent.ShouldBe("1"));

        page.Find("[data-testid=announce-button]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=announce-done]").TextContent.ShouldContain("1 announcement is on the way"));
    }

    private async Task<SubscriptionStatus> StatusAsync()
    {
        await using var db = _rig.Database.CreateDbContext();
        return (await db.Set<ListSubscription>().SingleAsync(Ct)).Status;
    }

    private async Task<string> AddSeriesAsync() => (await MailingListTests_AddSeriesEditionAsync()).Slug;

    private async Task<(string Slug, int EventId)> MailingListTests_AddSeriesEditionAsync()
    {
        var (series, evt) = await Core.Tests.MailingLists.MailingListTests.AddSeriesEditionAsync(_rig);
        return (series.Slug, evt.Id);
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
