using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Account;

public sealed class SignInTests(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var ada = await App.NewOrganiserAsync("Ada Admin");
        var page = await NewPageAsync();
        await page.GotoAsync(App.Url("/account/login"));
        for (var i = 0; i < 5; i++)
        {
            await page.GetByTestId("Email").FillAsync(ada.Email);
            await page.GetByTestId("Password").FillAsync("wrong password " + i);
            await page.GetByTestId("sign-in").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        }

        await page.GetByTestId("Email").FillAsync(ada.Email);
        await page.GetByTestId("Password").FillAsync(ada.Password);
        await page.GetByTestId("sign-in").ClickAsync();

        // Locked: the right password is refused too, in the same words as a wrong one.
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_organiser_changes_their_password_and_an_administrator_adds_an_organiser()
    {
        var ada = await App.NewOrganiserAsync("Ada Admin");
        var olive = $"olive-{Guid.NewGuid():N}@example.gov.uk";
        var page = await NewPageAsync();
        await page.GotoAsync(App.Url("/account/login?ReturnUrl=%2Forganiser%2Forganisers"));
        await page.GetByTestId("Email").FillAsync(ada.Email);
        await page.GetByTestId("Password").FillAsync(ada.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync("**/organiser/organisers");
        await page.WaitForInteractiveAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.FillFieldAsync("organiser-DisplayName", "Olive Organiser");
        await page.FillFieldAsync("organiser-Email", "not-an-email");
        await page.FillFieldAsync("organiser-Password", "a long enough password");
        await page.GetByTestId("add-organiser").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter an email address in the correct format");
        await page.FillFieldAsync("organiser-Email", olive);
        await page.GetByTestId("add-organiser").ClickAsync();
        await Assertions.Expect(page.GetByTestId("organisers-table")).ToContainTextAsync(olive);

        // The security log shows sign-ins and the organiser Ada added (other journeys share this app and add organisers
        // too, so the row is found by its unique address rather than by being first).
        await page.GetByTestId("security-log-link").ClickAsync();
        await page.WaitForURLAsync("**/organiser/security-log");
        await page.WaitForInteractiveAsync();
        var added = page.GetByTestId("security-table").Locator("tbody tr").Filter(new() { HasText = olive });
        await Assertions.Expect(added.GetByTestId("security-action")).ToHaveTextAsync("Organiser added");
        await Assertions.Expect(added.GetByTestId("security-summary")).ToHaveTextAsync($"Added the organiser Olive Organiser ({olive})");
        await Assertions.Expect(page.GetByTestId("security-table")).ToContainTextAsync("Signed in with a password");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync(App.Url("/account/password"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("CurrentPassword").FillAsync(ada.Password);
        await page.GetByTestId("NewPassword").FillAsync("second long password");
        await page.GetByTestId("ConfirmPassword").FillAsync("second long password");
        await page.GetByTestId("change-password").ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();

        // The new password works from a fresh browser; the old one does not.
        var other = await NewPageAsync();
        await other.GotoAsync(App.Url("/account/login"));
        await other.GetByTestId("Email").FillAsync(ada.Email);
        await other.GetByTestId("Password").FillAsync(ada.Password);
        await other.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(other.GetByTestId("error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await other.GetByTestId("Email").FillAsync(ada.Email);
        await other.GetByTestId("Password").FillAsync("second long password");
        await other.GetByTestId("sign-in").ClickAsync();
        await other.WaitForURLAsync("**/organiser/events");
    }

    [Fact]
    public async Task An_organiser_turns_on_two_step_sign_in_and_then_signs_in_with_a_code_or_a_recovery_code()
    {
        var tess = await App.NewOrganiserAsync("Tess Twostep");
        var page = await NewPageAsync();
        await page.SignInAsync(App, tess);
        await page.GetByTestId("two-step-link").ClickAsync();
        await page.WaitForURLAsync("**/account/two-step");
        await Assertions.Expect(page.GetByTestId("two-step-status")).ToContainTextAsync("off");
        await Assertions.Expect(page.GetByTestId("authenticator-qr")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();

        await page.GetByTestId("Code").FillAsync("000000");
        await page.GetByTestId("turn-on").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("That code is not right");
        await page.GetByTestId("Code").FillAsync(EventHub.Core.Tests.Organisers.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByTestId("turn-on").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("two-step-status")).ToContainTextAsync("on");
        await page.ShouldHaveNoAxeViolationsAsync();
        var recovery = await page.GetByTestId("recovery-codes").Locator("li").First.InnerTextAsync();

        // A fresh browser: the password alone is not enough; the app's code finishes the sign-in.
        var other = await NewPageAsync();
        await other.GotoAsync(App.Url("/account/login"));
        await other.GetByTestId("Email").FillAsync(tess.Email);
        await other.GetByTestId("Password").FillAsync(tess.Password);
        await other.GetByTestId("sign-in").ClickAsync();
        await other.WaitForURLAsync("**/account/login/code**");
        await other.ShouldHaveNoAxeViolationsAsync();
        await other.GetByTestId("Code").FillAsync("123 456");
        await other.GetByTestId("sign-in-code").ClickAsync();
        await Assertions.Expect(other.GetByTestId("error-summary")).ToContainTextAsync("That code is not right");
        await other.GetByTestId("Code").FillAsync(EventHub.Core.Tests.Organisers.Totp.Code(key, DateTimeOffset.UtcNow));
        await other.GetByTestId("sign-in-code").ClickAsync();
        await other.WaitForURLAsync("**/organiser/events");

        // A third browser, phone lost: a recovery code works instead.
        var third = await NewPageAsync();
        await third.GotoAsync(App.Url("/account/login"));
        await third.GetByTestId("Email").FillAsync(tess.Email);
        await third.GetByTestId("Password").FillAsync(tess.Password);
        await third.GetByTestId("sign-in").ClickAsync();
        await third.WaitForURLAsync("**/account/login/code**");
        await third.GetByTestId("Code").FillAsync(recovery);
        await third.GetByTestId("sign-in-code").ClickAsync();
        await third.WaitForURLAsync("**/organiser/events");
    }
}
