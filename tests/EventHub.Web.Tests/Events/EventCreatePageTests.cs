using Bunit;
using EventHub.Core.Events;
using EventHub.Web.Features.Events.Organiser;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Events;

public sealed class EventCreatePageTests : WebTestContext
{
    protected override Task OnInitializedAsync()
    {
        SignInAsAnAdministrator();
        return Task.CompletedTask;
    }

    [Fact]
    public void A_rejected_event_shows_an_error_summary_and_each_field_error_and_keeps_what_was_typed()
    {
        var page = Render<EventCreatePage>();
        page.WaitForElement("[data-testid=event-form]");

        page.Find("#Title").Change("Social Media Forum: winter");
        page.Find("#VenueName").Change("County Hall");
        page.Find("#StartLocal").Change("2026-12-03T16:00");
        page.Find("#EndLocal").Change("2026-12-03T09:30");
        page.Find("#Capacity").Change("eighty");
        page.Find("form[data-testid=event-form]").Submit();

        var summary = page.WaitForElement("[data-testid=error-summary]");
        summary.TextContent.ShouldContain("There is a problem");
        summary.TextContent.ShouldContain("End must be after the start");
        summary.QuerySelector("a[href$='#EndLocal']").ShouldNotBeNull();
        page.Find("#EndLocal-error").TextContent.ShouldContain("End must be after the start");
        page.Find("#EndLocal").GetAttribute("aria-describedby")!.ShouldContain("EndLocal-error");
        page.Find("#Capacity-error").TextContent.ShouldContain("whole number");
        // What was typed is still there, including the text that is not a number.
        page.Find("#Title").GetAttribute("value").ShouldBe("Social Media Forum: winter");
        page.Find("#VenueName").GetAttribute("value").ShouldBe("County Hall");
        page.Find("#Capacity").GetAttribute("value").ShouldBe("eighty");
        page.Find("#StartLocal").GetAttribute("value").ShouldBe("2026-12-03T16:00");
    }

    [Fact]
    public async Task A_valid_event_is_saved_and_the_organiser_is_taken_to_it()
    {
        var page = Render<EventCreatePage>();
        page.WaitForElement("[data-testid=event-form]");

        page.Find("#Title").Change("Social Media Forum: winter");
        page.Find("#VenueName").Change("County Hall");
        page.Find("#StartLocal").Change("2026-12-03T09:30");
        page.Find("#EndLocal").Change("2026-12-03T16:00");
        page.Find("#Capacity").Change("80");
        page.Find("form[data-testid=event-form]").Submit();

        page.WaitForAssertion(() => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldMatch(@".*/organiser/events/\d+$"));
        await using var db = Core.Database.CreateDbContext();
        var saved = await db.Events.SingleAsync();
        saved.Title.ShouldBe("Social Media Forum: winter");
        saved.Capacity.ShouldBe(80);
    }
}
