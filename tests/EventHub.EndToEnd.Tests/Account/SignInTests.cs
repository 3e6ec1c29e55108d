using EventHub.Core.Organisers;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Account;

public sealed class SignInTests(BrowserFixture browser) : IAsyncLifetime
{
    private AppHost _app = default!;

    public async ValueTask InitializeAsync()
    {
        _app = new AppHost();
        var accounts = _app.Service<OrganiserAccounts>();
        (await accounts.CreateFirstAdministratorAsync(new OrganiserInput("Ada Admin", "ada@example.gov.uk", "first long password", true))).Succeeded.ShouldBeTrue();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_app.Url("/account/login"));
        for (var i = 0; i < 5; i++)
        {
            await page.GetByTestId("Email").FillAsync("ada@example.gov.uk");
            await page.GetByTestId("Password").FillAsync("wrong password " + i);
            await page.GetByTestId("sign-in").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        }

        await page.GetByTestId("Email").FillAsync("ada@example.gov.uk");
        await page.GetByTestId("Password").FillAsync("first long password");
        await page.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("locked");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_organiser_changes_their_password_and_an_administrator_adds_an_organiser()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_app.Url("/account/login?ReturnUrl=%2Forganiser%2Forganisers"));
        await page.GetByTestId("Email").FillAsync("ada@example.gov.uk");
        await page.GetByTestId("Password").FillAsync("first long password");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync("**/organiser/organisers");
        await page.WaitForInteractiveAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.FillFieldAsync("organiser-DisplayName", "Olive Organiser");
        await page.FillFieldAsync("organiser-Email", "not-an-email");
        await page.FillFieldAsync("organiser-Password", "a long enough password");
        await page.GetByTestId("add-organiser").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter an email address in the correct format");
        await page.FillFieldAsync("organiser-Email", "olive@example.gov.uk");
        await page.GetByTestId("add-organiser").ClickAsync();
        await Assertions.Expect(page.GetByTestId("organisers-table")).ToContainTextAsync("olive@example.gov.uk");

        await page.GotoAsync(_app.Url("/account/password"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("CurrentPassword").FillAsync("first long password");
        await page.GetByTestId("NewPassword").FillAsync("second long password");
        await page.GetByTestId("ConfirmPassword").FillAsync("second long password");
        await page.GetByTestId("change-password").ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();

        // The new password works from a fresh browser; the old one does not.
        var other = await browser.NewPageAsync();
        await other.GotoAsync(_app.Url("/account/login"));
        await other.GetByTestId("Email").FillAsync("ada@example.gov.uk");
        await other.GetByTestId("Password").FillAsync("first long password");
        await other.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(other.GetByTestId("error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await other.GetByTestId("Email").FillAsync("ada@example.gov.uk");
        await other.GetByTestId("Password").FillAsync("second long password");
        await other.GetByTestId("sign-in").ClickAsync();
        await other.WaitForURLAsync("**/organiser/events");
    }
}
