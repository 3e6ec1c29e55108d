using System.Net;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.OpenSpace;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Bookings;

/// <summary>
/// An anonymous GET of each page an attendee reaches from a link (the manage link and its offer, cancel, reminder and
/// Open Space views, a session's write-up page, the phone board, a session's notes link) is server-rendered HTML that asks for no circuit.
/// </summary>
public sealed class AttendeePagesStaticTests(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Each_attendee_page_is_served_as_static_html_without_a_blazor_server_marker()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Static sessions", "Cat Convener"), "Cat Convener", ct: Ct)).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId, Ct)).Value!.SessionId;
        var booked = (await App.Service<BookingService>().BookAsync(new BookingRequest(seed.EventId, new BookingForm
        {
            Name = "Sam Static", Email = $"sam.{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct)).Value!;
        var token = booked.ManageToken;
        var notesToken = (await App.Service<EventHub.Core.Proceedings.NotesService>().CreateLinkAsync(Actor.System, sessionId, Ct)).Value!;
        string[] paths =
        [
            ManageRoutes.Manage(token), ManageRoutes.AcceptOffer(token), ManageRoutes.DeclineOffer(token), $"{ManageRoutes.Manage(token)}/cancel",
            ManageRoutes.StillComing(token), ManageRoutes.ReleasePlace(token),
            $"/events/{seed.Slug}/sessions/{sessionId}", $"/events/{seed.Slug}/board", $"/events/{seed.Slug}/board?interest={sessionId}",
            $"/notes/{notesToken}",
        ];
        using var client = App.CreateHttpClient();

        foreach (var path in paths)
        {
            var response = await client.GetAsync(path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            html.ShouldNotContain("<!--Blazor:", customMessage: $"{path} holds a Blazor component marker");
            html.ShouldNotContain("\"type\":\"server\"", customMessage: $"{path} asks for a circuit");
            html.ShouldContain("data-testid=\"static-page\"", customMessage: path);
        }
    }
}
