using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Site;

public sealed class SitePagesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_visitor_on_a_phone_reads_the_privacy_notice_and_the_accessibility_statement_from_the_footer()
    {
        var page = await NewPageAsync(phone: true);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        await page.GotoInteractiveAsync(App.Url("/"));
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Privacy notice" }).ClickAsync();
        await page.WaitForURLAsync("**/privacy");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Privacy notice");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).ClickAsync();
        await page.WaitForURLAsync("**/accessibility");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accessibility statement for EventHub");
        await page.ShouldHaveNoAxeViolationsAsync();
        refused.ShouldBeEmpty("the interactive home page and the static pages run under the Content-Security-Policy");
    }
}
