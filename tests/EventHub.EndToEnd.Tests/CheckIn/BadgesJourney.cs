using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace EventHub.EndToEnd.Tests.CheckIn;

/// <summary>
/// An organiser opens the name badges from the event page, narrows them to people not yet checked in, and prints:
/// in print media each sheet holds eight badges and starts a new A4 page, and Chromium's own print to PDF makes one
/// page per sheet.
/// </summary>
public sealed class BadgesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_organiser_prints_the_badges_of_people_not_yet_checked_in_eight_to_an_a4_sheet()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var eventId = await App.PublishedEventAsync($"Badge forum {suffix}", capacity: 30);
        var codes = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(eventId, new BookingForm
            {
                Name = $"Badge Person {i:D2} {suffix}", Email = $"badge-{i}-{suffix}@devon.gov.uk", Organisation = "Devon County Council",
                PrivacyConsent = true,
            }), Ct);
            codes.Add(booked.Value!.CheckInCode!);
        }

        (await App.Service<CheckInService>().CheckInAsync(codes[0], Door.ForOrganiser(Actor.System), eventId, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);
        var (page, _) = await SignedInPageAsync();

        // From the event page, the badges of everyone: two sheets, eight then two.
        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}"));
        await page.GetByTestId("event-page-links").GetByRole(AriaRole.Link, new() { Name = "Name badges" }).ClickAsync();
        await page.WaitForURLAsync($"**/organiser/events/{eventId}/badges");
        await Assertions.Expect(page.GetByTestId("badges-summary")).ToHaveTextAsync("Badges 1 to 10 of 10, on 2 sheets.");
        await Assertions.Expect(page.GetByTestId("badge-sheet")).ToHaveCountAsync(2);
        await page.ShouldHaveNoAxeViolationsAsync();

        // Only those not yet checked in: the first person has arrived.
        await page.GetByTestId("badges-not-checked-in").CheckAsync();
        await page.GetByTestId("badge-show").ClickAsync();
        await page.WaitForURLAsync("**/badges?who=NotCheckedIn");
        await Assertions.Expect(page.GetByTestId("badges-summary")).ToHaveTextAsync("Badges 1 to 9 of 9, on 2 sheets.");
        await Assertions.Expect(page.GetByTestId("badge-name").First).ToHaveTextAsync($"Badge Person 01 {suffix}");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Printed: the page's own controls go, eight badges fill each A4 sheet and every sheet but the last ends the page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("badge-filter")).ToBeHiddenAsync();
        var sheets = await page.GetByTestId("badge-sheet").EvaluateAllAsync<string[]>(
            "els => els.map(e => getComputedStyle(e).breakAfter + ':' + e.querySelectorAll('[data-testid=badge]').length)");
        sheets.ShouldBe(["page:8", "auto:1"]);
        var badgeHeightMm = await page.GetByTestId("badge").First.EvaluateAsync<double>("e => e.getBoundingClientRect().height * 25.4 / 96");
        badgeHeightMm.ShouldBe(69, tolerance: 0.5);
        await page.ShouldHaveNoAxeViolationsAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        using (var document = PdfDocument.Open(pdf))
        {
            document.NumberOfPages.ShouldBe(2, string.Join(" | ", document.GetPages().Select(p => p.Text)));
            var a4 = document.GetPage(1);
            a4.Width.ShouldBe(595.3, tolerance: 1);
            a4.Height.ShouldBe(841.9, tolerance: 1);
            // A long name wraps on the badge, and PdfPig reads a line break as nothing: compare without spaces.
            // Chromium sets "ff" and "fi" in a random suffix as ligatures (U+FB00…): compatibility normalisation undoes them.
            static string Squeezed(string text) => text.Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", string.Empty, StringComparison.Ordinal);
            Squeezed(a4.Text).ShouldContain($"BadgePerson01{suffix}");
            Squeezed(a4.Text).ShouldNotContain($"BadgePerson09{suffix}");
            Squeezed(document.GetPage(2).Text).ShouldContain($"BadgePerson09{suffix}");
        }

        // On a 360 px phone the screen view is one badge across and nothing is wider than the screen.
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(360, 740);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
    }
}
