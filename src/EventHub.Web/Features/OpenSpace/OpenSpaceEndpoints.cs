using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.OpenSpace;

public static class OpenSpaceEndpoints
{
    /// <summary>The board link on the organiser's event page (Open Space and Hybrid events).</summary>
    public static IEndpointRouteBuilder MapOpenSpace(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(ev => ev.Kind == Core.Events.EventKind.Forum ? null : ($"/organiser/events/{ev.Id}/board", "Open Space board"));
        return app;
    }
}
