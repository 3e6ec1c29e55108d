using Bunit;
using EventHub.Core.Events;
using EventHub.Web.Features.Events;
using EventHub.Web.Features.Home;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Events;

/// <summary>
/// The home page and the archive search list a page at a time, with plain previous and next links (no JavaScript),
/// so nothing past the first page is out of reach.
/// </summary>
public sealed class PublicListPagingTests : WebTestContext
{
    [Fact]
    public async Task The_home_page_lists_fifty_events_soonest_first_and_links_the_next_page_which_lists_the_rest()
    {
        await AddEventsAsync(PublicEvents.PageSize + 3, days: 5);
        var navigation = Services.GetRequiredService<NavigationManager>();

        // A rendered page follows the address (its page number comes from the query), so each is read before moving on.
        var first = Render<Home>();
        first.FindAll("[data-testid=event-card]").Count.ShouldBe(PublicEvents.PageSize);
        first.FindAll("[data-testid=event-card] a")[0].GetAttribute("href").ShouldBe("/events/forum-00");
        first.Find("[data-testid=page-position]").TextContent.ShouldBe("Page 1 of 2");
        first.Find("[data-testid=page-next]").GetAttribute("href").ShouldBe("/?page=2");
        first.FindAll("[data-testid=page-previous]").ShouldBeEmpty();
        first.Find("nav.page-links").GetAttribute("aria-label").ShouldBe("Pages of upcoming events");

        navigation.NavigateTo("/?page=2");
        var second = Render<Home>();
        second.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/forum-50", "/events/forum-51", "/events/forum-52"]);
        second.Find("[data-testid=page-previous]").GetAttribute("href").ShouldBe("/");
        second.FindAll("[data-testid=page-next]").ShouldBeEmpty();

        navigation.NavigateTo("/?page=9");
        var beyond = Render<Home>();
        beyond.Find("[data-testid=no-such-page]").TextContent.ShouldContain("There is no page 9");
    }

    [Fact]
    public async Task A_home_page_of_fewer_than_fifty_events_has_no_page_links()
    {
        await AddEventsAsync(3, days: 5);

        var home = Render<Home>();

        home.FindAll("[data-testid=event-card]").Count.ShouldBe(3);
        home.FindAll("[data-testid=page-links]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tag_page_lists_fifty_events_and_links_the_next_page_of_the_same_tag()
    {
        await AddEventsAsync(PublicEvents.PageSize + 1, days: 5, tags: ",housing,");
        var navigation = Services.GetRequiredService<NavigationManager>();

        var first = Render<TagPage>(p => p.Add(x => x.Tag, "housing"));
        first.FindAll("[data-testid=event-card]").Count.ShouldBe(PublicEvents.PageSize);
        first.Find("[data-testid=page-next]").GetAttribute("href").ShouldBe("/tags/housing?page=2");

        navigation.NavigateTo("/tags/housing?page=2");
        var second = Render<TagPage>(p => p.Add(x => x.Tag, "housing"));
        second.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/forum-50"]);
        second.Find("[data-testid=page-previous]").GetAttribute("href").ShouldBe("/tags/housing");
    }

    [Fact]
    public async Task The_archive_search_links_the_next_page_of_results_keeping_the_words_searched()
    {
        await AddEventsAsync(1, days: -30, sessions: 27);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/archive?q=housing%20plan");

        var first = Render<ArchivePage>();
        first.Find("h2").TextContent.ShouldBe("27 sessions found");
        first.FindAll("[data-testid=archive-results] li").Count.ShouldBe(25);
        first.Find("[data-testid=page-next]").GetAttribute("href").ShouldBe("/archive?q=housing%20plan&page=2");

        navigation.NavigateTo("/archive?q=housing%20plan&page=2");
        var second = Render<ArchivePage>();
        second.FindAll("[data-testid=archive-results] li").Count.ShouldBe(2);
        second.Find("[data-testid=page-previous]").GetAttribute("href").ShouldBe("/archive?q=housing%20plan");
    }

    private async Task AddEventsAsync(int count, int days, int sessions = 0, string tags = "")
    {
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var start = now.AddDays(days).AddHours(i);
            var ev = new Event
            {
                Title = $"Forum {i:00}", Slug = $"forum-{i:00}", Status = EventStatus.Published, Capacity = 40, VenueName = "County Hall", Tags = tags,
                StartUtc = start, EndUtc = start.AddMinutes(30), CreatedUtc = now, UpdatedUtc = now,
            };
            db.Add(ev);
            for (var s = 0; s < sessions; s++)
            {
                db.Add(new Session { Event = ev, Title = $"Housing plan {s:00}", StartUtc = start.AddMinutes(s), EndUtc = start.AddMinutes(s + 1) });
            }
        }

        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
