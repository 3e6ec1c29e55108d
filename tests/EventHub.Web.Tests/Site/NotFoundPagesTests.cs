using System.Net;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Web.Tests.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Site;

/// <summary>
/// Public addresses that name nothing answer HTTP 404 with words that help and a way back, over and over (the output
/// cache never keeps them as a 200), on the real app with its status-code pages and output cache.
/// </summary>
public sealed class NotFoundPagesTests(OrganiserEndpointsTests.App app) : IClassFixture<OrganiserEndpointsTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_embed_of_an_unknown_series_answers_404_with_its_own_small_message_until_the_series_exists()
    {
        var slug = "later-series-" + Guid.NewGuid().ToString("N")[..6];
        using var client = app.ClientFor(null);

        for (var visit = 0; visit < 2; visit++)
        {
            using var response = await client.GetAsync(new Uri($"/embed/events?series={slug}", UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"visit {visit + 1}");
            body.ShouldContain("data-testid=\"embed-series-not-found\"", Case.Sensitive, $"visit {visit + 1}: the frame's own words");
            body.ShouldContain($"There is no series “{slug}” here");
            body.ShouldNotContain("Page not found", Case.Sensitive, "not the site's not-found page with its header and footer");
            body.ShouldContain("<a href=\"/\" target=\"_top\" data-testid=\"embed-more\">All upcoming events</a>");
            response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors *", Case.Sensitive, "other sites may still frame it");
        }

        await AddSeriesAsync(slug, "Later series");

        using var found = await client.GetAsync(new Uri($"/embed/events?series={slug}", UriKind.Relative), Ct);
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.Content.ReadAsStringAsync(Ct)).ShouldContain("Upcoming: Later series");
    }

    [Theory]
    [InlineData("/events/{slug}")]
    [InlineData("/series/{slug}")]
    [InlineData("/events/{slug}/sessions/1")]
    [InlineData("/events/{slug}/proceedings")]
    public async Task A_public_page_for_an_unknown_slug_answers_404_with_the_not_found_page_and_a_link_home_every_time(string pattern)
    {
        var path = pattern.Replace("{slug}", "no-such-" + Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal);
        using var client = app.ClientFor(null);

        for (var visit = 0; visit < 2; visit++)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"visit {visit + 1}");
            body.ShouldContain("<h1>Page not found</h1>");
            body.ShouldContain("If you typed the web address, check it is correct.");
            body.ShouldContain("<a href=\"/\">See upcoming events</a>");
        }
    }

    private async Task AddSeriesAsync(string slug, string name)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var now = DateTime.UtcNow;
        var series = new EventSeries { Name = name, Slug = slug, CreatedUtc = now };
        db.Add(series);
        await db.SaveChangesAsync(Ct);
        db.Add(new Event
        {
            Title = name + " forum", Slug = slug + "-forum", Status = EventStatus.Published, Capacity = 12, SeriesId = series.Id,
            StartUtc = now.AddDays(20), EndUtc = now.AddDays(20).AddHours(3), BookingOpensUtc = now.AddDays(-1), CreatedUtc = now, UpdatedUtc = now,
        });
        await db.SaveChangesAsync(Ct);
    }
}
