using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Bookings;

/// <summary>
/// Who may book, up front: the rule on the event page and at the top of the form, and an address the rule refuses
/// marked at the email field when the visitor continues (not after checking their answers), with the series'
/// mailing list offered instead.
/// </summary>
public sealed class EligibilityJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_refused_address_sees_which_addresses_may_book_before_submitting_and_is_offered_the_mailing_list(bool javaScript)
    {
        var (ev, seriesSlug) = await DevonOnlyEventAsync();
        var page = await NewPageAsync(phone: true, javaScript: javaScript);

        await page.GotoInteractiveAsync(App.Url($"/events/{ev.Slug}"));
        await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync("devon.gov.uk or a subdomain of it");
        await AxeAsync(page, javaScript);
        await page.GetByTestId("book-link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("booking-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync(
            "Places are for people with an email address ending devon.gov.uk or a subdomain of it. Other email addresses cannot book.");
        await Assertions.Expect(page.Locator("#Email-hint")).ToContainTextAsync("Use your address ending devon.gov.uk");
        await page.GetByTestId("Name").FillAsync("Eve Outsider");
        await page.GetByTestId("Email").FillAsync("eve@example.com");
        await page.GetByTestId("Organisation").FillAsync("Example Ltd");
        await page.GetByTestId("PrivacyConsent").CheckAsync();
        await page.GetByTestId("continue").ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Book a place"));
        await Assertions.Expect(page.GetByTestId("error-summary").Locator("a[href$='#Email']"))
            .ToContainTextAsync("Only email addresses ending devon.gov.uk or a subdomain of it can book this event");
        await Assertions.Expect(page.Locator("#Email-error")).ToContainTextAsync("Only email addresses ending devon.gov.uk");
        await Assertions.Expect(page.GetByTestId("Email")).ToHaveValueAsync("eve@example.com");
        await Assertions.Expect(page.GetByTestId("check-answers")).ToHaveCountAsync(0);
        await AxeAsync(page, javaScript);

        await page.GetByTestId("not-eligible-mailing-list").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/series/{seriesSlug}/mailing-list$"));
        await Assertions.Expect(page.GetByTestId("signup-form")).ToBeVisibleAsync();

        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<Booking>().CountAsync(b => b.EventId == ev.Id, Ct)).ShouldBe(0);
    }

    private static Task AxeAsync(IPage page, bool javaScript) =>
        javaScript ? page.ShouldHaveNoAxeViolationsAsync() : page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

    private async Task<(Event Event, string SeriesSlug)> DevonOnlyEventAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var series = (await App.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Devon forum " + unique }, Ct)).Value!;
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = (await events.CreateAsync(Actor.System, new EventInput
        {
            SeriesId = series.Id, Title = "Devon forum edition " + unique, Capacity = 20, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(16),
        }, Ct)).Value!;
        (await App.Service<BookingSettingsService>().SaveAsync(Actor.System, new BookingSettings
        {
            EventId = created.Id,
            Eligibility = EligibilityMode.AllowedDomains,
            AllowedDomains = "devon.gov.uk\n*.devon.gov.uk",
            OutsideDomain = OutsideDomainAction.Refuse,
            OfferWindowHours = BookingSettings.DefaultOfferWindowHours,
        }, Ct)).Succeeded.ShouldBeTrue();
        (await events.SetStatusAsync(Actor.System, created.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return (created, series.Slug);
    }
}
