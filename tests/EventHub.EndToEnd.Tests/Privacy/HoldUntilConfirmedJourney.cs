using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Privacy;

/// <summary>"Hold the place until the email address is confirmed", taken by a person with JavaScript off.</summary>
public sealed partial class HoldUntilConfirmedJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Without_javascript_a_held_place_is_kept_by_posting_the_confirm_link_from_the_mail_and_the_ticket_follows()
    {
        var eventId = await PrivacyEvents.PublishedAsync(App, "Held Places Forum", capacity: 5);
        var settings = BookingSettings.DefaultFor(eventId);
        settings.HoldUntilEmailConfirmed = true;
        (await App.Service<BookingSettingsService>().SaveAsync(Actor.System, settings, Ct)).Succeeded.ShouldBeTrue();
        var slug = await SlugAsync(eventId);
        var email = $"hana-{Guid.NewGuid():N}@devon.gov.uk";
        var page = await NewPageAsync(phone: true, javaScript: false);

        await page.GotoInteractiveAsync(App.Url($"/events/{slug}/book"));
        await Assertions.Expect(page.GetByTestId("booking-form")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("Name").FillAsync("Hana Held");
        await page.GetByTestId("Email").FillAsync(email);
        await page.GetByTestId("Organisation").FillAsync("Devon County Council");
        await page.GetByTestId("PrivacyConsent").CheckAsync();
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-answers")).ToContainTextAsync(email);
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await BookingAsync(eventId, email)).Status.ShouldBe(BookingStatus.Held);

        var held = await PickupInbox.WaitForAsync(App, email, "Confirm your email address to keep your place", Ct);
        var link = ConfirmLink().Match(held.TextBody!);
        link.Success.ShouldBeTrue(held.TextBody);
        held.TextBody!.ShouldNotContain("Check-in code");

        // A GET (a mail scanner, a link preview) only shows the hold.
        await page.GotoInteractiveAsync(App.Url(link.Value));
        await Assertions.Expect(page.GetByTestId("hold-panel")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await BookingAsync(eventId, email)).Status.ShouldBe(BookingStatus.Held, "opening the link must not confirm");

        await page.GetByTestId("confirm-email").ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-message")).ToContainTextAsync("the place is yours");
        await Assertions.Expect(page.GetByTestId("manage-status")).ToHaveTextAsync("Confirmed");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await BookingAsync(eventId, email)).Status.ShouldBe(BookingStatus.Confirmed);

        var ticket = await PickupInbox.WaitForAsync(App, email, "Your place at", Ct);
        ticket.TextBody!.ShouldContain("Check-in code");
    }

    private async Task<Booking> BookingAsync(int eventId, string email)
    {
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<Booking>().AsNoTracking().SingleAsync(b => b.EventId == eventId && b.Email == email, Ct);
    }

    private async Task<string> SlugAsync(int eventId)
    {
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Events.Where(e => e.Id == eventId).Select(e => e.Slug).SingleAsync(Ct);
    }

    [GeneratedRegex(@"/manage/[A-Za-z0-9_-]+/confirm-email")]
    private static partial Regex ConfirmLink();
}
