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

/// <summary>The "also give a priority window" option on the announce page, with the real service on real SQLite.</summary>
public sealed class AnnouncePriorityPageTests : BunitContext, IAsyncLifetime
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
        Services.AddSingleton(new EventHub.Core.Events.EventService(_rig.Database, _rig.Clock));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Ticking_the_priority_option_sends_each_subscriber_a_personal_priority_link()
    {
        var eventId = await EditionWithOneSubscriberAsync(opensUtc: new DateTime(2026, 11, 9, 9, 0, 0, DateTimeKind.Utc));
        var page = Render<AnnounceEditionPage>(p => p.Add(x => x.Id, eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=priority-hint]").TextContent.ShouldContain("before booking opens to everyone Monday 9 November 2026, 9am GMT"));

        page.Find("[data-testid=priority-option]").Change(true);
        page.Find("[data-testid=announce-button]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=announce-done]").TextContent.ShouldContain("1 announcement is on the way, each with a personal priority booking link."));
        await using var db = _rig.Database.CreateDbContext();
        (await db.Set<PriorityGrant>().SingleAsync(Ct)).Email.ShouldBe("ann@devon.example");
    }

    [Fact]
    public async Task Leaving_the_option_unticked_announces_without_priority_links()
    {
        var eventId = await EditionWithOneSubscriberAsync(opensUtc: new DateTime(2026, 11, 9, 9, 0, 0, DateTimeKind.Utc));
        var page = Render<AnnounceEditionPage>(p => p.Add(x => x.Id, eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=priority-option]"));

        page.Find("[data-testid=announce-button]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=announce-done]").TextContent.ShouldNotContain("priority"));
        await using var db = _rig.Database.CreateDbContext();
        (await db.Set<PriorityGrant>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task When_booking_is_already_open_to_everyone_the_page_says_there_is_no_window_to_offer()
    {
        var eventId = await EditionWithOneSubscriberAsync(opensUtc: null);

        var page = Render<AnnounceEditionPage>(p => p.Add(x => x.Id, eventId));

        page.WaitForAssertion(() => page.Find("[data-testid=no-priority]").TextContent.ShouldContain("already open to everyone"));
        page.FindAll("[data-testid=priority-option]").ShouldBeEmpty();
    }

    private async Task<int> EditionWithOneSubscriberAsync(DateTime? opensUtc)
    {
        var (series, evt) = await Core.Tests.MailingLists.MailingListTests.AddSeriesEditionAsync(_rig);
        await using var db = _rig.Database.CreateDbContext();
        await db.Events.Where(e => e.Id == evt.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.BookingOpensUtc, opensUtc), Ct);
        await _lists.SignUpAsync(series.Slug, new ListSignUpInput { Name = "Ann", Email = "ann@devon.example", Consent = true }, Ct);
        await _lists.ConfirmAsync(await Core.Tests.MailingLists.ListMailTokens.ConfirmAsync(_rig.Database, "ann@devon.example"), Ct);
        return evt.Id;
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
