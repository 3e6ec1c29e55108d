using Bunit;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Events;
using EventHub.Web.Features.Site;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Events;

/// <summary>The embeddable list (by tag, by series, with a limit; links leave the frame), the tag page and the event page's tags.</summary>
public sealed class EmbedAndTagPagesTests : WebTestContext
{
    [Fact]
    public async Task The_embed_by_tag_lists_upcoming_tagged_events_up_to_the_limit_with_links_that_open_outside_the_frame()
    {
        await AddEventAsync("first", ",digital,", days: 10);
        await AddEventAsync("second", ",digital,housing,", days: 20);
        await AddEventAsync("third", ",digital,", days: 30);
        await AddEventAsync("other", ",housing,", days: 5);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/embed/events?tag=digital&limit=2");

        var cut = Render<EmbedEventsPage>();

        cut.Find("h1").TextContent.ShouldBe("Upcoming events tagged “digital”");
        var links = cut.FindAll("[data-testid=event-card] a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["/events/first", "/events/second"]);
        links.ShouldAllBe(a => a.GetAttribute("target") == "_top");
        var more = cut.Find("[data-testid=embed-more]");
        more.GetAttribute("href").ShouldBe("/tags/digital");
        more.GetAttribute("target").ShouldBe("_top");
    }

    [Fact]
    public async Task The_embed_by_series_names_the_series_and_links_its_page()
    {
        await AddEventAsync("spring", string.Empty, days: 10, series: "Digital Forums");
        await AddEventAsync("elsewhere", string.Empty, days: 11);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/embed/events?series=digital-forums");

        var cut = Render<EmbedEventsPage>();

        cut.Find("h1").TextContent.ShouldBe("Upcoming: Digital Forums");
        cut.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/spring"]);
        cut.Find("[data-testid=embed-more]").GetAttribute("href").ShouldBe("/series/digital-forums");
    }

    [Fact]
    public async Task The_embed_by_series_pages_its_editions_inside_the_frame_keeping_the_series_and_the_limit()
    {
        await AddEventAsync("spring", string.Empty, days: 10, series: "Digital Forums");
        await AddEventAsync("summer", string.Empty, days: 20, series: "Digital Forums");
        await AddEventAsync("autumn", string.Empty, days: 30, series: "Digital Forums");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/embed/events?series=digital-forums&limit=2");

        var first = Render<EmbedEventsPage>();

        first.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/spring", "/events/summer"]);
        first.Find("[data-testid=page-position]").TextContent.ShouldBe("Page 1 of 2");
        var next = first.Find("[data-testid=page-next]");
        next.GetAttribute("href").ShouldBe("/embed/events?series=digital-forums&limit=2&page=2");
        next.HasAttribute("target").ShouldBeFalse("the next page stays in the frame");

        navigation.NavigateTo(next.GetAttribute("href")!);
        var second = Render<EmbedEventsPage>();
        second.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/autumn"]);
        second.Find("[data-testid=page-previous]").GetAttribute("href").ShouldBe("/embed/events?series=digital-forums&limit=2");
    }

    [Fact]
    public void An_unknown_series_in_the_embed_says_so_in_the_frame_rather_than_show_the_sites_not_found_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/embed/events?series=no-such-forum");

        var cut = Render<EmbedEventsPage>();

        cut.Find("h1").TextContent.ShouldBe("Series not found");
        cut.Find("[data-testid=embed-series-not-found]").TextContent.ShouldContain("There is no series “no-such-forum” here.");
        cut.FindAll("[data-testid=event-card]").ShouldBeEmpty();
        navigation.Uri.ShouldEndWith("/embed/events?series=no-such-forum");
    }

    [Fact]
    public async Task The_series_page_lists_fifty_upcoming_editions_a_page_with_links_to_the_rest()
    {
        for (var day = 1; day <= PublicEvents.PageSize + 1; day++)
        {
            await AddEventAsync("edition-" + day, string.Empty, days: day, series: "Digital Forums");
        }

        var first = Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums"));

        first.FindAll("[data-testid=event-card]").Count.ShouldBe(PublicEvents.PageSize);
        first.Find("[data-testid=page-next]").GetAttribute("href").ShouldBe("/series/digital-forums?page=2");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/series/digital-forums?page=2");
        var second = Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums"));
        second.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/edition-51"]);
        second.Find("[data-testid=page-previous]").GetAttribute("href").ShouldBe("/series/digital-forums");
        navigation.NavigateTo("/series/digital-forums?page=3");
        Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums")).Find("[data-testid=no-such-page]").TextContent.ShouldContain("There is no page 3");
    }

    [Fact]
    public async Task The_series_page_lists_fifty_previous_editions_a_page_latest_first_with_plain_links_that_keep_the_upcoming_page()
    {
        for (var day = 1; day <= PublicEvents.PageSize + 1; day++)
        {
            await AddEventAsync("edition-" + day, string.Empty, days: day, series: "Digital Forums");
            await AddEventAsync("past-" + day, string.Empty, days: -day, series: "Digital Forums");
        }

        const string PastLinks = "nav[aria-label='Pages of previous events']";
        const string UpcomingLinks = "nav[aria-label='Pages of upcoming editions']";
        var first = Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums"));

        var pastCards = first.FindAll("[data-testid=past-editions] [data-testid=event-card] a").Select(a => a.GetAttribute("href")).ToList();
        pastCards.Count.ShouldBe(PublicEvents.PageSize);
        pastCards[0].ShouldBe("/events/past-1", "the latest first");
        first.Find($"{PastLinks} [data-testid=page-position]").TextContent.ShouldBe("Page 1 of 2");
        first.Find($"{PastLinks} [data-testid=page-next]").GetAttribute("href").ShouldBe("/series/digital-forums?past=2#previous-events");
        first.Find("h2#previous-events").TextContent.ShouldBe("Previous events");

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/series/digital-forums?page=2&past=2");
        var second = Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums"));
        second.FindAll("[data-testid=past-editions] [data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/past-51"]);
        second.Find($"{PastLinks} [data-testid=page-previous]").GetAttribute("href").ShouldBe("/series/digital-forums?page=2#previous-events");
        second.Find($"{UpcomingLinks} [data-testid=page-previous]").GetAttribute("href").ShouldBe("/series/digital-forums?past=2", "moving through one list keeps the other's page");

        navigation.NavigateTo("/series/digital-forums?past=4");
        Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums")).Find("[data-testid=no-such-past-page]").TextContent.ShouldContain("There is no page 4 of previous events");
    }

    [Fact]
    public async Task The_series_page_pages_the_past_editions_record_fifty_a_page_with_plain_links_that_keep_the_other_lists_pages()
    {
        for (var day = 1; day <= ProceedingsService.PastEditionsPageSize + 1; day++)
        {
            await AddEventAsync("past-" + day, string.Empty, days: -day, series: "Digital Forums");
        }

        int latest;
        await using (var db = Core.Database.CreateDbContext())
        {
            latest = db.Events.Single(e => e.Slug == "past-1").Id;
        }

        (await Services.GetRequiredService<ProceedingsService>().SetPublishedAsync(Actors.Admin, latest, true)).Succeeded.ShouldBeTrue();
        const string RecordLinks = "nav[aria-label='Pages of proceedings, slides and write-ups']";
        const string Record = "[data-testid=past-editions-record] [data-testid=series-archive] h3 a";
        var first = Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums"));

        var editions = first.FindAll(Record).Select(a => a.GetAttribute("href")).ToList();
        editions.Count.ShouldBe(ProceedingsService.PastEditionsPageSize);
        editions[0].ShouldBe("/events/past-1", "the latest first");
        first.Find($"{RecordLinks} [data-testid=page-position]").TextContent.ShouldBe("Page 1 of 2");
        first.Find($"{RecordLinks} [data-testid=page-next]").GetAttribute("href").ShouldBe("/series/digital-forums?record=2#past-editions-heading");

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/series/digital-forums?past=2&record=2");
        var second = Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums"));
        second.FindAll(Record).Select(a => a.GetAttribute("href")).ShouldBe(["/events/past-51"], "shown though this edition left nothing: an earlier page's did");
        second.Find($"{RecordLinks} [data-testid=page-previous]").GetAttribute("href").ShouldBe("/series/digital-forums?past=2#past-editions-heading");
        second.Find("nav[aria-label='Pages of previous events'] [data-testid=page-previous]").GetAttribute("href")
            .ShouldBe("/series/digital-forums?record=2#previous-events", "moving through one list keeps the other's page");

        navigation.NavigateTo("/series/digital-forums?record=4");
        Render<SeriesPage>(p => p.Add(x => x.Slug, "digital-forums")).Find("[data-testid=no-such-record-page]").TextContent
            .ShouldContain("There is no page 4 of proceedings, slides and write-ups");
    }

    [Fact]
    public async Task The_event_page_links_each_tag_to_its_page_which_lists_the_upcoming_events_with_it()
    {
        await AddEventAsync("tagged", ",digital,housing,", days: 10);
        await AddEventAsync("untagged", string.Empty, days: 12);

        var page = Render<EventPage>(p => p.Add(x => x.Slug, "tagged"));
        var tagPage = Render<TagPage>(p => p.Add(x => x.Tag, "housing"));

        page.FindAll("[data-testid=event-tag]").Select(a => (a.TextContent, a.GetAttribute("href"))).ShouldBe([("digital", "/tags/digital"), ("housing", "/tags/housing")]);
        Render<EventPage>(p => p.Add(x => x.Slug, "untagged")).FindAll("[data-testid=event-tags]").ShouldBeEmpty();
        tagPage.Find("h1").TextContent.ShouldBe("Upcoming events tagged “housing”");
        tagPage.FindAll("[data-testid=event-card] a").Select(a => a.GetAttribute("href")).ShouldBe(["/events/tagged"]);
        Render<TagPage>(p => p.Add(x => x.Tag, "nothing-here")).Find("[data-testid=no-events]").TextContent.ShouldContain("no upcoming events tagged");
    }

    [Theory]
    [InlineData(null, "*")]
    [InlineData("", "*")]
    [InlineData("https://intranet.devon.gov.uk, https://*.devon.gov.uk:8443 'self'", "https://intranet.devon.gov.uk https://*.devon.gov.uk:8443 'self'")]
    public void The_embed_frame_allow_list_defaults_to_any_site_and_otherwise_lists_the_configured_sites(string? configured, string expected) =>
        SecurityHeaders.EmbedFrameAncestors(configured).ShouldBe(expected);

    [Theory]
    [InlineData("https://intranet.devon.gov.uk; script-src *")]
    [InlineData("javascript:alert(1)")]
    [InlineData("'unsafe-inline'")]
    public void A_configured_frame_source_that_is_not_a_site_stops_the_app_rather_than_reach_the_header(string configured) =>
        Should.Throw<InvalidOperationException>(() => SecurityHeaders.EmbedFrameAncestors(configured)).Message.ShouldContain(SecurityHeaders.FrameAncestorsSetting);

    private async Task AddEventAsync(string slug, string tags, int days, string? series = null)
    {
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        var seriesRow = series is null ? null : db.Series.FirstOrDefault(s => s.Name == series)
            ?? new EventSeries { Name = series, Slug = EventHub.Core.Common.Slugs.FromTitle(series), CreatedUtc = now };
        db.Add(new Event
        {
            Title = "Forum " + slug, Slug = slug, Status = EventStatus.Published, Capacity = 40, Tags = tags, VenueName = "County Hall",
            StartUtc = now.AddDays(days), EndUtc = now.AddDays(days).AddHours(7), CreatedUtc = now, UpdatedUtc = now, Series = seriesRow,
        });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
