using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Organisers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace EventHub.Web.Features.CheckIn;

/// <summary>
/// The offline door's two JSON endpoints, for a door link (the token in the address is the credential, so no cookie and
/// no antiforgery) and for a signed-in organiser (cookie, so antiforgery in a header on the sync): the pack a device
/// keeps, and the sync of what it checked in offline. Never cached: the pack names people.
/// </summary>
public static class OfflineDoorEndpoints
{
    public static string LinkPage(string token) => $"/door/{Uri.EscapeDataString(token)}/offline";

    public static string OrganiserPage(int eventId) => $"/organiser/events/{eventId}/check-in/offline";

    /// <summary>What the device sends: the salt of its preparation and its check-ins, oldest first.</summary>
    public sealed record SyncRequest(string Salt, IReadOnlyList<OfflineCheckIn>? CheckIns);

    /// <summary>The pack, and the catalogue's words the device shows for a code it does not know.</summary>
    public sealed record PackAnswer(OfflinePack Pack, string UnknownCode, string OnlinePlace);

    public static IEndpointRouteBuilder MapOfflineDoor(this IEndpointRouteBuilder app)
    {
        app.MapGet("/door/{token}/offline/pack", async (string token, int eventId, HttpContext http, OfflineDoorService offline, CancellationToken ct) =>
            Answer(http, await offline.PrepareAsync(Door.ForLink(token), eventId, ct), p => new PackAnswer(p, CheckInErrors.UnknownCode.Message, CheckInErrors.OnlinePlace.Message)));
        app.MapPost("/door/{token}/offline/sync", async (string token, int eventId, [FromBody] SyncRequest body, HttpContext http, OfflineDoorService offline, CancellationToken ct) =>
            Answer(http, await offline.SyncAsync(Door.ForLink(token), eventId, body.Salt, body.CheckIns ?? [], ct), r => r));

        app.MapGet("/organiser/events/{id:int}/check-in/offline/pack", async (int id, HttpContext http, OfflineDoorService offline, CancellationToken ct) =>
            Answer(http, await offline.PrepareAsync(Door.ForOrganiser(OrganiserClaims.ToActor(http.User)), id, ct), p => new PackAnswer(p, CheckInErrors.UnknownCode.Message, CheckInErrors.OnlinePlace.Message)))
            .RequireAuthorization();
        app.MapPost("/organiser/events/{id:int}/check-in/offline/sync", async (int id, [FromBody] SyncRequest body, HttpContext http, IAntiforgery antiforgery, OfflineDoorService offline, CancellationToken ct) =>
            !await antiforgery.IsRequestValidAsync(http)
                ? Results.BadRequest()
                : Answer(http, await offline.SyncAsync(Door.ForOrganiser(OrganiserClaims.ToActor(http.User)), id, body.Salt, body.CheckIns ?? [], ct), r => r))
            .RequireAuthorization();
        return app;
    }

    private static IResult Answer<T>(HttpContext http, Outcome<T> outcome, Func<T, object> body)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (outcome.Succeeded)
        {
            return Results.Json(body(outcome.Value!));
        }

        var status = outcome.IsNotFound ? StatusCodes.Status404NotFound
            : outcome.IsForbidden ? StatusCodes.Status403Forbidden
            : StatusCodes.Status422UnprocessableEntity;
        return Results.Json(new { message = outcome.Message }, statusCode: status);
    }
}
