using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.MailingLists;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EventHub.EndToEnd.Tests.MailingLists;

public sealed partial class MailingListJourney(BrowserFixture browser) : OwnAppTest
{
    // No SMTP host: mail goes to the pickup folder, which the test reads like an inbox.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["EventHub:Email:PollInterval"] = "00:00:00.200" };

    [Fact]
    public async Task A_visitor_signs_up_confirms_from_the_email_and_leaves_with_a_one_click_post_that_needs_no_cookies()
    {
        var slug = await AddSeriesAsync();
        var page = await browser.NewPageAsync(phone: true);

        await page.GotoInteractiveAsync(App.Url($"/series/{slug}"));
        await page.GetByTestId("mailing-list-link").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/series/{slug}/mailing-list$"));
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signup-form")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("signup-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter your name");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.FillFieldAsync("Name", "Ann Attendee");
        await page.FillFieldAsync("Email", "ann@devon.example");
        await page.GetByTestId("Consent").CheckAsync();
        await page.GetByTestId("signup-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signup-done")).ToHaveTextAsync("Check your email");

        var confirmation = await PickupInbox.WaitForAsync(App, "ann@devon.example", "Confirm you want emails about", Ct);
        var confirmLink = ConfirmLink().Match(confirmation.TextBody!).Value;
        confirmLink.ShouldNotBeEmpty();
        await page.GotoInteractiveAsync(App.Url(new Uri(confirmLink).AbsolutePath));
        await page.ShouldHaveNoAxeViolationsAsync();
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Pending);
        await page.GetByTestId("confirm-button").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("confirm-done")).ToHaveTextAsync("You are on the list");
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Confirmed);

        // RFC 8058: the mail client POSTs to the List-Unsubscribe address (from the announcement's header) with no
        // cookies and no antiforgery token.
        var announcement = await AnnounceAsync(slug, "ann@devon.example");
        var token = UnsubscribeHeader().Match(announcement.Headers["List-Unsubscribe"]!).Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await client.PostAsync(App.Url(MailingListRoutes.OneClickUnsubscribe(token)), body, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Unsubscribed);
        using var bogus = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        (await client.PostAsync(App.Url(MailingListRoutes.OneClickUnsubscribe(SecureTokens.New())), bogus, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_javascript_a_visitor_signs_up_confirms_and_leaves_with_plain_forms()
    {
        var slug = await AddSeriesAsync();
        var page = await browser.NewPageAsync(phone: true, javaScript: false);

        await page.GotoInteractiveAsync(App.Url($"/series/{slug}/mailing-list"));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("Name").FillAsync("Nia Nojs");
        await page.GetByTestId("Email").FillAsync("nia-at-devon");
        await page.GetByTestId("signup-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Microsoft.Playwright.Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Microsoft.Playwright.Assertions.Expect(summary).ToContainTextAsync("Enter an email address in the correct format");
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("Name")).ToHaveValueAsync("Nia Nojs");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("Email")).ToHaveValueAsync("nia-at-devon");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("Email").FillAsync("nia@devon.example");
        await page.GetByTestId("Consent").CheckAsync();
        await page.GetByTestId("signup-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signup-done")).ToHaveTextAsync("Check your email");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var confirmation = await PickupInbox.WaitForAsync(App, "nia@devon.example", "Confirm you want emails about", Ct);
        var confirmPath = new Uri(ConfirmLink().Match(confirmation.TextBody!).Value).AbsolutePath;
        await page.GotoInteractiveAsync(App.Url(confirmPath));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Pending);
        await page.GetByTestId("confirm-button").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("confirm-done")).ToHaveTextAsync("You are on the list");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Confirmed);

        var announcement = await AnnounceAsync(slug, "nia@devon.example");
        var unsubscribe = UnsubscribeLink().Match(announcement.TextBody!);
        unsubscribe.Success.ShouldBeTrue(announcement.TextBody);
        await page.GotoInteractiveAsync(App.Url(new Uri(unsubscribe.Value).AbsolutePath));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("unsubscribe-button").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("unsubscribe-done")).ToHaveTextAsync("You have left the list");
        (await StatusAsync()).ShouldBe(SubscriptionStatus.Unsubscribed);
    }

    private async Task<string> AddSeriesAsync()
    {
        var outcome = await App.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Devon Social Media Forum", Description = "For the public sector." }, Ct);
        return outcome.Value!.Slug;
    }

    private async Task<SubscriptionStatus> StatusAsync()
    {
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Set<ListSubscription>().SingleAsync(Ct)).Status;
    }

    /// <summary>Publishes an edition of the series and announces it to the list; answers the announcement as delivered.</summary>
    private async Task<MimeMessage> AnnounceAsync(string slug, string to)
    {
        var seriesId = (await App.Service<MailingListService>().FindSeriesAsync(slug, Ct))!.Id;
        var events = App.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(10);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            SeriesId = seriesId, Title = "Devon Social Media Forum: next", Capacity = 40, VenueName = "County Hall",
            StartLocal = start, EndLocal = start.AddHours(6),
        }, Ct);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        (await App.Service<MailingListService>().AnnounceAsync(Actor.System, created.Value.Id, Ct)).Value.ShouldBe(1);
        return await PickupInbox.WaitForAsync(App, to, "Booking is open:", Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"https?://\S+/lists/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"/lists/unsubscribe/([A-Za-z0-9_-]+)/one-click")]
    private static partial Regex UnsubscribeHeader();

    [GeneratedRegex(@"https?://\S+/lists/unsubscribe/[A-Za-z0-9_-]+")]
    private static partial Regex UnsubscribeLink();
}
