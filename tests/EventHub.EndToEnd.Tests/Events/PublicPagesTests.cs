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
        EventInput Input(string title) => new()
        {
            Title = title, VenueName = "County Hall", Capacity = 80,
            StartLocal = DateTime.UtcNow.Date.AddDays(20).AddHours(9), EndLocal = DateTime.UtcNow.Date.AddDays(20).AddHours(16),
        };
        var unique = Guid.NewGuid().ToString("N")[..8];
        var cancelled = (await events.CreateAsync(organiser, Input("Winter forum " + unique))).Value!;
        var draft = (await events.CreateAsync(organiser, Input("Secret draft " + unique))).Value!;
        (await events.SetStatusAsync(organiser, cancelled.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        (await events.SetStatusAsync(organiser, cancelled.Id, EventStatus.Cancelled)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient();

        var page = await client.GetAsync("/events/" + cancelled.Slug, TestContext.Current.CancellationToken);
        var hidden = await client.GetAsync("/events/" + draft.Slug, TestContext.Current.CancellationToken);
        var home = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("This event has been cancelled.");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        home.ShouldContain("Winter forum " + unique);
        home.ShouldNotContain("Secret draft " + unique);
    }
}
