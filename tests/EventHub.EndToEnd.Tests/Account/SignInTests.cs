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

        // The security log shows both: Ada's sign-in and the organiser she added, newest first.
        await page.GetByTestId("security-log-link").ClickAsync();
        await page.WaitForURLAsync("**/organiser/security-log");
        await page.WaitForInteractiveAsync();
        var newest = page.GetByTestId("security-table").Locator("tbody tr").First;
        await Assertions.Expect(newest.GetByTestId("security-action")).ToHaveTextAsync("Organiser added");
        await Assertions.Expect(newest.GetByTestId("security-summary")).ToHaveTextAsync($"Added the organiser Olive Organiser ({olive})");
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
}
