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
        EventPageLinks.Add(ev => ev.Kind == Core.Events.EventKind.Forum ? null : ($"/organiser/events/{ev.Id}/board", "Open Space board"));
        EventPageLinks.Add(ev => ev.Kind == Core.Events.EventKind.Forum ? null : (PitchDeskPage.PathFor(ev.Id), "Pitch desk"));
        app.MapGet("/p/{eventId:int}", async (int eventId, WalkInPitchService walkIns, CancellationToken ct) =>
            await walkIns.GetFormAsync(eventId, ct) is { } form
                ? Results.Redirect($"/events/{form.Slug}/pitch")
                : Results.NotFound());
        return app;
    }
}
