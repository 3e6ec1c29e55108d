using EventHub.Core.Tests.Organisers;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>
/// An administrator requires two-step sign-in for everyone (a site-wide setting, so this journey has an app of its
/// own): an organiser without it is sent to turn it on after their password and can open nothing else until they
/// have; the administrator can reset it, and then it must be set up again.
/// </summary>
public sealed class RequiredTwoStepJourney(BrowserFixture browser) : OwnAppTest
{
    [Fact]
    public async Task An_organiser_without_two_step_sign_in_must_turn_it_on_before_anything_else_once_it_is_required()
    {
        var ada = await App.NewOrganiserAsync("Ada Admin");
        var olive = await App.NewOrganiserAsync("Olive Organiser", isAdministrator: false);

        // Ada turns it on for herself first, then requires it for everyone.
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(App, ada);
        await TurnOnAsync(admin);
        await admin.GotoInteractiveAsync(App.Url("/organiser/organisers"));
        await Assertions.Expect(admin.GetByTestId("two-step-requirement")).ToContainTextAsync("Each organiser chooses");
        await admin.GetByTestId("require-two-step").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("organiser-message")).ToContainTextAsync("Two-step sign-in is now required");
        await Assertions.Expect(admin.GetByTestId("two-step-requirement")).ToContainTextAsync("Required for every organiser");
        await admin.ShouldHaveNoAxeViolationsAsync();

        // Olive's password takes her to the two-step page, and every other page sends her back there.
        var page = await browser.NewPageAsync(phone: true);
        await page.SignInAsync(App, olive, landsOn: "/account/two-step");
        await Assertions.Expect(page.GetByTestId("two-step-required")).ToContainTextAsync("Your administrators require two-step sign-in");
        await Assertions.Expect(page.GetByTestId("back-to-events")).ToHaveCountAsync(0);
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GotoAsync(App.Url("/organiser/events"));
        await page.WaitForURLAsync("**/account/two-step");
        await page.GotoAsync(App.Url("/organiser/series"));
        await page.WaitForURLAsync("**/account/two-step");

        // Once it is on, she carries on.
        await TurnOnAsync(page);
        await Assertions.Expect(page.GetByTestId("two-step-required")).ToHaveCountAsync(0);
        await page.GetByTestId("back-to-events").ClickAsync();
        await page.WaitForURLAsync("**/organiser/events");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Events");

        // Olive lost her phone: Ada resets her two-step sign-in, and Olive must set it up again at her next sign-in.
        await admin.GotoInteractiveAsync(App.Url("/organiser/organisers"));
        var row = admin.Locator($"[data-testid=organiser-row][data-email='{olive.Email}']");
        await Assertions.Expect(row).ToContainTextAsync("two-step sign-in on");
        await row.GetByTestId("reset-two-step").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("organiser-message")).ToContainTextAsync("Two-step sign-in for Olive Organiser is reset");
        await Assertions.Expect(row).Not.ToContainTextAsync("two-step sign-in on");
        await admin.ShouldHaveNoAxeViolationsAsync();

        var again = await browser.NewPageAsync();
        await again.SignInAsync(App, olive, landsOn: "/account/two-step");
        await Assertions.Expect(again.GetByTestId("two-step-required")).ToBeVisibleAsync();
    }

    private static async Task TurnOnAsync(IPage page)
    {
        if (!page.Url.EndsWith("/account/two-step", StringComparison.Ordinal))
        {
            await page.GotoAsync(new Uri(new Uri(page.Url), "/account/two-step").ToString());
        }

        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.GetByTestId("Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByTestId("turn-on").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
