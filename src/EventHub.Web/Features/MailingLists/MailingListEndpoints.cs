using EventHub.Core.Events.Access;
using EventHub.Core.MailingLists;
using EventHub.Web.Features.Events.Organiser;
using Microsoft.AspNetCore.Mvc;

namespace EventHub.Web.Features.MailingLists;

public static class MailingListEndpoints
{
    /// <summary>
    /// The RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" with no cookies, so the
    /// endpoint needs no sign-in and no antiforgery token; the unguessable token in the address is the authority.
    /// </summary>
    public static IEndpointRouteBuilder MapMailingListEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/lists/unsubscribe/{token}/one-click", async (string token, [FromServices] MailingListService lists, CancellationToken ct) =>
        {
            var outcome = await lists.UnsubscribeAsync(token, ct);
            return outcome.Succeeded
                ? Results.Text("You have been unsubscribed.", "text/plain")
                : Results.Text(outcome.Message, "text/plain", statusCode: StatusCodes.Status404NotFound);
        })
        .AllowAnonymous()
        .DisableAntiforgery();

        EventPageLinks.Add(Permission.Edit, ev => ev.SeriesId is null ? null : ($"/organiser/events/{ev.Id}/announce", "Announce to the mailing list"));

        return app;
    }
}
