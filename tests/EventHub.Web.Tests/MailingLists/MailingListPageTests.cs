using System.Security.Claims;
using Bunit;
using EventHub.Core.MailingLists;
using EventHub.Core.Tests.Email;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.MailingLists;
using EventHub.Web.Tests.Support;
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
        PlainForm.AddServices(this);
        AddAuthorization().SetAuthorized("Olive Organiser").SetClaims(new Claim(ClaimTypes.NameIdentifier, "organiser-1"));
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton(_lists);
        Services.AddSingleton(new EventHub.Core.Events.EventService(_rig.Database, _rig.Clock));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_up_form_is_a_plain_post_whose_fields_all_have_names()
    {
        var slug = await AddSeriesAsync();
        var page = Render<ListSignUpPage>(p => p.Add(x => x.Slug, slug));

        var form = page.Find("[data-testid=signup-form]");
        form.GetAttribute("method").ShouldBe("post");
        form.HasAttribute("data-enhance").ShouldBeTrue();
        page.Find("#Name").GetAttribute("name").ShouldBe("Name");
        page.Find("#Name").HasAttribute("maxlength").ShouldBeFalse("a name over the limit is refused saying the limit, not cut");
        page.Find("#Email").GetAttribute("name").ShouldBe("Email");
        page.Find("#Consent").GetAttribute("name").ShouldBe("Consent");
        page.Find("#Consent").GetAttribute("value").ShouldBe("true");
    }

    [Fact]
    public async Task Opening_the_confirmation_link_shows_a_button_that_posts_and_subscribes_no_one()
    {
        var slug = await AddSeriesAsync();
        await _lists.SignUpAsync(slug, new ListSignUpInput { Name = "Ann", Email = "ann@devon.example", Consent = true }, Ct);
        var token = await EventHub.Core.Tests.MailingLists.ListMailTokens.ConfirmAsync(_rig.Database, "ann@devon.example");

        var page = Render<ListConfirmPage>(p => p.Add(x => x.Token, token));

        page.Find("[data-testid=confirm-button]").GetAttribute("type").ShouldBe("submit");
        page.Find("form").GetAttribute("method").ShouldBe("post");
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Pending, "a link scanner fetching the page must not subscribe anyone");
    }

    [Fact]
    public async Task An_organiser_announces_an_edition_to_the_people_on_the_list()
    {
        var (series, evt) = await MailingListTests_AddSeriesEditionAsync();
        await _lists.SignUpAsync(series, new ListSignUpInput { Name = "Ann", Email = "ann@devon.example", Consent = true }, Ct);
        await _lists.ConfirmAsync(await EventHub.Core.Tests.MailingLists.ListMailTokens.ConfirmAsync(_rig.Database, "ann@devon.example"), Ct);

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
