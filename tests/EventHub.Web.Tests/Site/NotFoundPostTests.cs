using System.Net;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Tests.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Site;

/// <summary>
/// A page that finds nothing for a form POST (an event that does not exist, or no longer does) sends the browser to a
/// GET of the same address, which answers the 404 "Page not found" page: never the bare 400 Blazor gives when the posted
/// form is no longer on the page, nor a crash.
/// </summary>
public sealed class NotFoundPostTests(OrganiserEndpointsTests.App app) : IClassFixture<OrganiserEndpointsTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(BookingFormPost.Check)]
    [InlineData(BookingFormPost.Confirm)]
    public async Task Booking_an_event_that_does_not_exist_leads_to_the_404_not_found_page(string step)
    {
        var path = "/events/no-such-event-" + Guid.NewGuid().ToString("N") + "/book";
        using var client = app.ClientFor(null);
        using var request = FormPost(path, new()
        {
            ["_handler"] = BookingFormPost.FormName,
            [BookingFormPost.Action] = step,
            ["Name"] = "Ada Lovelace",
            ["Email"] = "ada@example.org",
        });

        using var posted = await client.SendAsync(request, Ct);

        var said = await posted.Content.ReadAsStringAsync(Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.SeeOther, said[..Math.Min(said.Length, 400)]);
        posted.Headers.Location!.OriginalString.ShouldBe(path);
        using var shown = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        shown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shown.Content.ReadAsStringAsync(Ct)).ShouldContain("Page not found");
    }

    [Fact]
    public async Task Answering_an_offer_with_a_made_up_manage_link_leads_to_the_404_invalid_link_page()
    {
        var path = "/manage/" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        using var client = app.ClientFor(null);
        using var request = FormPost(path, new() { ["_handler"] = "manage-offer", ["answer"] = "accept" });

        using var posted = await client.SendAsync(request, Ct);

        posted.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var shown = await client.GetAsync(posted.Headers.Location, Ct);
        shown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shown.Content.ReadAsStringAsync(Ct)).ShouldContain("This link is not valid");
    }

    private HttpRequestMessage FormPost(string path, Dictionary<string, string> fields)
    {
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        var options = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        var tokens = antiforgery.GetAndStoreTokens(new DefaultHttpContext { RequestServices = app.Services });
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", $"{options.Cookie.Name}={tokens.CookieToken}");
        fields[options.FormFieldName] = tokens.RequestToken!;
        request.Content = new FormUrlEncodedContent(fields);
        return request;
    }
}
