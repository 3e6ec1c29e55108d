using EventHub.Core.Events.Access;
using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.FollowUps;

public static class FollowUpEndpoints
{
    /// <summary>Follow-ups have pages only; this adds their links to the organiser's event page.</summary>
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(Permission.Edit, ev => ($"/organiser/events/{ev.Id}/email", "Email attendees"));
        EventPageLinks.Add(Permission.Edit, ev => ($"/organiser/events/{ev.Id}/reminders", "Reminders"));

        return app;
    }
}
