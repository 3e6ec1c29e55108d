using Bunit;
using EventHub.Core.Events;
using EventHub.Web.Features.Events.Organiser;
using EventHub.Web.Tests.Support;

namespace EventHub.Web.Tests.Events;

/// <summary>Text over a limit is refused with the limit in the error and kept in the field, never cut by the browser.</summary>
public sealed class TextLimitPageTests : WebTestContext
{
    protected override Task OnInitializedAsync()
    {
        SignInAsAnAdministrator();
        return Task.CompletedTask;
    }

    [Fact]
    public void A_series_name_over_the_limit_is_refused_saying_the_limit_and_kept_whole_in_the_field()
    {
        var tooLong = "Devon Social Media Forum " + new string('x', EventRules.MaxTitleLength);
        var page = Render<SeriesEditPage>();
        page.WaitForElement("[data-testid=series-form]");
        page.FindAll("input[maxlength], textarea[maxlength]").ShouldBeEmpty();

        page.Find("#Name").Change(tooLong);
        page.Find("form[data-testid=series-form]").Submit();

        var summary = page.WaitForElement("[data-testid=error-summary]");
        summary.TextContent.ShouldContain("There is a problem");
        summary.QuerySelector("a[href$='#Name']")!.TextContent.ShouldBe($"Name must be {EventRules.MaxTitleLength} characters or fewer");
        page.Find("#Name").GetAttribute("value").ShouldBe(tooLong);
    }

    [Fact]
    public void An_event_title_over_the_limit_is_refused_saying_the_limit_and_kept_whole_in_the_field()
    {
        var tooLong = new string('t', EventRules.MaxTitleLength + 5);
        var page = Render<EventCreatePage>();
        page.WaitForElement("[data-testid=event-form]");
        page.FindAll("input[maxlength], textarea[maxlength]").ShouldBeEmpty();

        page.Find("#Title").Change(tooLong);
        page.Find("form[data-testid=event-form]").Submit();

        page.WaitForAssertion(() => page.Find("#Title-error").TextContent.ShouldContain($"Title must be {EventRules.MaxTitleLength} characters or fewer"));
        page.Find("#Title").GetAttribute("value").ShouldBe(tooLong);
    }
}
