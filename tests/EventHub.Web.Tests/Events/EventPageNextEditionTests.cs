using Bunit;
using EventHub.Core.Events;
using EventHub.Web.Features.Events;
using EventHub.Web.Tests.Support;

namespace EventHub.Web.Tests.Events;

/// <summary>A sold-out (or past) edition of a series offers the series' mailing list: "tell me about the next one".</summary>
public sealed class EventPageNextEditionTests : WebTestContext
{
    [Fact]
    public async Task A_sold_out_edition_links_the_series_mailing_list()
    {
        await AddEventAsync("full", capacity: 2, taken: 2, series: true);

        var page = Render<EventPage>(p => p.Add(x => x.Slug, "full"));

        var link = page.Find("[data-testid=next-edition-link]");
        link.GetAttribute("href").ShouldBe("/series/digital-forums-full/mailing-list");
        link.TextContent.ShouldBe("Tell me about the next Digital Forums");
    }

    [Fact]
    public async Task An_edition_with_places_left_or_outside_a_series_offers_no_mailing_list()
    {
        await AddEventAsync("open", capacity: 2, taken: 1, series: true);
        await AddEventAsync("alone", capacity: 2, taken: 2, series: false);

        Render<EventPage>(p => p.Add(x => x.Slug, "open")).FindAll("[data-testid=next-edition]").ShouldBeEmpty();
        Render<EventPage>(p => p.Add(x => x.Slug, "alone")).FindAll("[data-testid=next-edition]").ShouldBeEmpty();
    }

    private async Task AddEventAsync(string slug, int capacity, int taken, bool series)
    {
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        db.Add(new Event
        {
            Title = "Digital Forum " + slug, Slug = slug, Status = EventStatus.Published, Capacity = capacity, PlacesTaken = taken,
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(7), CreatedUtc = now, UpdatedUtc = now,
            Series = series ? new EventSeries { Name = "Digital Forums", Slug = "digital-forums-" + slug, CreatedUtc = now } : null,
        });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
