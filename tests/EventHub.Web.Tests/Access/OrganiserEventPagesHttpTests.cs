using System.Net;
using System.Text.Encodings.Web;
using EventHub.Core.Events;
namespace EventHub.Web.Tests.Access;

/// <summary>
/// Organiser pages of one event (they open through OrganiserEventPage), asked over plain HTTP on the real app (the
/// first, server-side render): an organiser with no place on the event's teams gets a real 404 that names nothing of
/// it; on the check-in pages the owner gets the page, and a door volunteer gets the pages their role allows and the
/// catalogue's refusal on the others.
/// </summary>
public sealed class OrganiserEventPagesHttpTests(OrganiserEndpointsTests.App app) : IClassFixture<OrganiserEndpointsTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Pages => ["/organiser/events/{event}/check-in", "/organiser/events/{event}/door-list",
        "/organiser/events/{event}/attendance", "/organiser/events/{event}/door-links"];

    public static TheoryData<string> AllPages => ["/organiser/events/{event}/check-in", "/organiser/events/{event}/door-list",
        "/organiser/events/{event}/attendance", "/organiser/events/{event}/door-links", "/organiser/events/{event}/edit",
        "/organiser/events/{event}/announce", "/organiser/events/{event}/attendees"];

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task An_organiser_on_none_of_the_teams_gets_a_404_that_names_nothing_of_the_event(string path)
    {
        var response = await app.GetAsync(OrganiserEndpointsTests.App.Stranger, path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldNotContain("Owen&#x27;s forum");
        body.ShouldNotContain("Zed Secretname");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_owner_gets_the_page(string path)
    {
        var response = await app.GetAsync(OrganiserEndpointsTests.App.Owner, path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain(HtmlEncoder.Default.Encode(EventErrors.RoleDoesNotAllow.Message));
    }

    [Theory]
    [InlineData("/organiser/events/{event}/attendance", "attendance-refused")]
    [InlineData("/organiser/events/{event}/door-links", "door-links-refused")]
    public async Task A_door_volunteer_sees_the_refusal_on_the_pages_their_role_does_not_allow(string path, string testId)
    {
        var response = await app.GetAsync(OrganiserEndpointsTests.App.DoorVolunteer, path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain($"data-testid=\"{testId}\"");
        body.ShouldContain(HtmlEncoder.Default.Encode(EventErrors.RoleDoesNotAllow.Message));
        body.ShouldNotContain("Secret Organisation");
    }

    [Fact]
    public async Task A_door_volunteer_gets_the_door_list()
    {
        var response = await app.GetAsync(OrganiserEndpointsTests.App.DoorVolunteer, "/organiser/events/{event}/door-list", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Zed Secretname");
    }
}
