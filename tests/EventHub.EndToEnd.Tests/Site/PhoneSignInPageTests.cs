using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Site;

/// <summary>The sign-in page on a 360 px phone passes axe, header links included (WCAG 2.2 target size).</summary>
public sealed class PhoneSignInPageTests(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task The_sign_in_page_on_a_phone_has_no_axe_violations()
    {
        var phone = await NewPageAsync(phone: true);

        await phone.GotoAsync(App.Url("/account/login"));
        await Assertions.Expect(phone.Locator("h1")).ToHaveCountAsync(1);
        await phone.ShouldHaveNoAxeViolationsAsync();
    }
}
