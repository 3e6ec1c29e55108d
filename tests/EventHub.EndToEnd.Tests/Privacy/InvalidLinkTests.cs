using System.Net;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Privacy;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Privacy;

/// <summary>Every private link answers a made-up, expired or revoked token the same way, over plain HTTP: 404 and one page.</summary>
public sealed class InvalidLinkTests(SharedApp shared)
{
    private const string Words = "This link is not valid";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Routes => new()
    {
        "/manage/{0}",
        "/manage/{0}/still-coming",
        "/manage/{0}/release",
        "/door/{0}",
        "/polls/answers/{0}",
        "/lists/unsubscribe/{0}",
        "/notes/{0}",
        "/privacy/delete-booking/{0}",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_made_up_token_answers_404_with_the_invalid_link_page(string route)
    {
        using var client = shared.Host.CreateHttpClient(followRedirects: false);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, SecureTokens.New()), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain($"<h1>{Words}</h1>", Case.Sensitive, $"{body.Length} chars: " + body[..Math.Min(body.Length, 3000)]);
    }

    [Fact]
    public async Task A_manage_link_answers_200_until_the_booking_is_deleted_and_then_404_like_a_guess()
    {
        var token = await BookAsync();
        using var client = shared.Host.CreateHttpClient(followRedirects: false);
        using (var live = await client.GetAsync(ManageRoutes.Manage(token), Ct))
        {
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await live.Content.ReadAsStringAsync(Ct)).ShouldNotContain(Words);
        }

        (await shared.Host.Service<SubjectAccessService>().EraseOwnBookingAsync(token, Ct)).Succeeded.ShouldBeTrue();

        using var revoked = await client.GetAsync(ManageRoutes.Manage(token), Ct);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await revoked.Content.ReadAsStringAsync(Ct)).ShouldContain($"<h1>{Words}</h1>");
    }

    private async Task<string> BookAsync()
    {
        var eventId = await PrivacyEvents.PublishedAsync(shared.Host, "Link Forum", capacity: 5);
        return (await PrivacyEvents.AddByHandAsync(shared.Host, eventId, "Lena Link", $"lena-{Guid.NewGuid():N}@devon.gov.uk")).ManageToken;
    }
}
