using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Site;

/// <summary>On a 360 px phone, the bullets and numbers of running-text lists stay inside the screen.</summary>
public sealed class PhoneListsJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Markdown_bullets_and_the_phone_boards_queue_stay_inside_the_left_edge_of_a_phone()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Set<Event>().Where(e => e.Id == seed.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "What to bring:\n\n- a laptop\n- a question\n\n1. Arrive\n2. Pitch"), Ct);
        }

        await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Lists on small screens", "Liz Lister"), "Liz Lister", ct: Ct);
        var phone = await NewPageAsync(phone: true);

        await phone.GotoAsync(App.Url($"/events/{seed.Slug}"));
        await Assertions.Expect(phone.GetByTestId("event-summary").Locator("li")).ToHaveCountAsync(4);
        await ListsShouldStayInsideAsync(phone, "[data-testid=event-summary] ul, [data-testid=event-summary] ol");
        await phone.ShouldHaveNoAxeViolationsAsync();

        await phone.GotoAsync(App.Url($"/events/{seed.Slug}/board"));
        await Assertions.Expect(phone.GetByTestId("phone-queue")).ToContainTextAsync("Lists on small screens");
        await ListsShouldStayInsideAsync(phone, "[data-testid=phone-queue]");
        await phone.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>Each list leaves room for its markers inside its own box, and that box starts on the screen.</summary>
    private static async Task ListsShouldStayInsideAsync(IPage page, string selector)
    {
        var lists = await page.EvaluateAsync<double[][]>(
            "s => [...document.querySelectorAll(s)].map(l => [l.getBoundingClientRect().left, l.querySelector('li').getBoundingClientRect().left])",
            selector);
        lists.ShouldNotBeEmpty();
        foreach (var list in lists)
        {
            list[0].ShouldBeGreaterThanOrEqualTo(0, "the list starts off the screen");
            (list[1] - list[0]).ShouldBeGreaterThanOrEqualTo(16, "the list's markers hang past its left edge");
        }
    }
}
