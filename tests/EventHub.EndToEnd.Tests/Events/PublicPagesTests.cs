using System.Net;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Events;

public sealed class PublicPagesTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    [Fact]
    public async Task A_cancelled_event_stays_public_and_says_it_is_cancelled_while_a_draft_is_a_404()
    {
        var events = _app.Service<EventService>();
        var organiser = EventHub.Core.Common.Actor.System; // an administrator: events need an owner or an administrator now
        // The shared app holds many other journeys' events and the home page lists the first 50, so the listing is
        // checked on this test's own tag page, which filters the same public upcoming events.
        var unique = Guid.NewGuid().ToString("N")[..8];
        EventInput Input(string title) => new()
        {
            Title = title, VenueName = "County Hall", Capacity = 80,
            StartLocal = DateTime.UtcNow.Date.AddDays(20).AddHours(9), EndLocal = DateTime.UtcNow.Date.AddDays(20).AddHours(16),
            Tags = "winter-" + unique,
        };
        var cancelled = (await events.CreateAsync(organiser, Input("Winter forum " + unique))).Value!;
        var draft = (await events.CreateAsync(organiser, Input("Secret draft " + unique))).Value!;
        (await events.SetStatusAsync(organiser, cancelled.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        (await events.SetStatusAsync(organiser, cancelled.Id, EventStatus.Cancelled)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient();

        var page = await client.GetAsync("/events/" + cancelled.Slug, TestContext.Current.CancellationToken);
        var hidden = await client.GetAsync("/events/" + draft.Slug, TestContext.Current.CancellationToken);
        var listing = await client.GetStringAsync("/tags/winter-" + unique, TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("This event has been cancelled.");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listing.ShouldContain("Winter forum " + unique);
        listing.ShouldNotContain("Secret draft " + unique);
    }
}
