using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EventHub.Web.Features.Events;

/// <summary>
/// <c>GET /events/{slug}/places</c>: a Server-Sent Events stream of places left, fed by the live signal through
/// <see cref="PlacesFeed"/>. It sends the current figures at once and then after each change; <c>wwwroot/js/places.js</c>
/// swaps the texts in. It ends when the browser leaves or the app stops, so it never holds up a shutdown.
/// </summary>
public static class PlacesEndpoints
{
    public const string EventType = "places";

    public static string PathFor(string slug) => $"/events/{Uri.EscapeDataString(slug)}/places";

    public static IEndpointRouteBuilder MapPlacesStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{slug}/places", async (string slug, HttpContext http, Core.Events.PublicEvents events, PlacesFeed feed,
            IHostApplicationLifetime lifetime) =>
        {
            if (await events.FindIdAsync(slug, http.RequestAborted) is not { } eventId)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.ServerSentEvents(UpdatesAsync(feed, eventId, http.RequestAborted, lifetime.ApplicationStopping));
        });
        return app;
    }

    private static async IAsyncEnumerable<SseItem<PlacesUpdate>> UpdatesAsync(
        PlacesFeed feed, int eventId, CancellationToken aborted, CancellationToken stopping, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, ct);
        // One waiting wake-up is enough: several changes while we read collapse into one read of the latest figures.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var listening = feed.Listen(eventId, () => changed.Writer.TryWrite(true));
        PlacesUpdate? sent = null;
        do
        {
            if (await feed.CurrentAsync(eventId) is not { } places)
            {
                yield break; // No longer public.
            }

            var update = PlacesText.For(places.Room, places.Online);
            if (update != sent)
            {
                sent = update;
                yield return new SseItem<PlacesUpdate>(update, EventType);
            }
        }
        while (await WaitAsync(changed.Reader, done.Token));
    }

    private static async Task<bool> WaitAsync(ChannelReader<bool> changed, CancellationToken ct)
    {
        try
        {
            await changed.ReadAsync(ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
