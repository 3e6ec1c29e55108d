using EventHub.Core.Events.Access;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.OpenSpace;

public static class OpenSpaceEndpoints
{
    /// <summary>The short link to an event's walk-in pitch form, short enough to type from a projector.</summary>
    public static string ShortPitchPath(int eventId) => $"/p/{eventId}";

    /// <summary>The board and pitch desk links on the organiser's event page (Open Space and Hybrid events), and the short pitch link.</summary>
    public static IEndpointRouteBuilder MapOpenSpace(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(Permission.Edit, ev => ev.Kind == Core.Events.EventKind.Forum ? null : ($"/organiser/events/{ev.Id}/board", "Open Space board"));
        EventPageLinks.Add(Permission.PitchDesk, ev => ev.Kind == Core.Events.EventKind.Forum ? null : (PitchDeskPage.PathFor(ev.Id), "Pitch desk"));
        app.MapGet("/p/{eventId:int}", async (int eventId, WalkInPitchService walkIns, CancellationToken ct) =>
            await walkIns.GetFormAsync(eventId, ct) is { } form
                ? Results.Redirect($"/events/{form.Slug}/pitch")
                : Results.NotFound());

        // The public board's change stream (Server-Sent Events) for the phone board's few lines of script: a message
        // each time the board or its news changes, from the live signal, so it works on whichever node made the change.
        app.MapGet("/events/{slug}/board/changes", async (string slug, BoardLayoutService layout, ILiveSignal signal, CancellationToken ct) =>
            await layout.GetBoardAsync(Actor.Anonymous, slug, ct) is { } board
                ? TypedResults.ServerSentEvents(BoardChangesAsync(signal, board.EventId, ct), eventType: "board")
                : (IResult)TypedResults.NotFound());
        return app;
    }

    private static async IAsyncEnumerable<string> BoardChangesAsync(ILiveSignal signal, int eventId, [EnumeratorCancellation] CancellationToken ct)
    {
        // Changes that arrive together are told once: the page reloads the whole board anyway.
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = signal.Subscribe(eventId, message =>
        {
            if (message.Topic is LiveTopics.Board or LiveTopics.News)
            {
                changes.Writer.TryWrite(true);
            }

            return Task.CompletedTask;
        });
        yield return "listening";
        while (await changes.Reader.WaitToReadAsync(ct))
        {
            changes.Reader.TryRead(out _);
            yield return "changed";
        }
    }
}
