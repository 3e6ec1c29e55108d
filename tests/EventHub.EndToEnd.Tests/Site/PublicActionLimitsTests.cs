using System.Net;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Site;

/// <summary>
/// The public form posts are limited per client address and per target; this host allows 2 of each in 5 minutes.
/// The limit is checked before the page runs, so these posts need no real event, poll or list behind them.
/// </summary>
public sealed class PublicActionLimitsTests : OwnAppTest
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["EventHub:RateLimits:Enabled"] = "true",
        ["EventHub:RateLimits:Booking:PermitLimit"] = "2",
        ["EventHub:RateLimits:Booking:Window"] = "00:05:00",
        ["EventHub:RateLimits:ResendLink:PermitLimit"] = "2",
        ["EventHub:RateLimits:ResendLink:Window"] = "00:05:00",
        ["EventHub:RateLimits:ListSignUp:PermitLimit"] = "2",
        ["EventHub:RateLimits:ListSignUp:Window"] = "00:05:00",
        ["EventHub:RateLimits:PollVote:PermitLimit"] = "2",
        ["EventHub:RateLimits:PollVote:Window"] = "00:05:00",
        ["EventHub:RateLimits:WriteUp:PermitLimit"] = "2",
        ["EventHub:RateLimits:WriteUp:Window"] = "00:05:00",
    };

    public static TheoryData<string, string, string, string> Endpoints => new()
    {
        { "/events/autumn-forum/book", "/events/winter-forum/book", "check", "booking attempts" },
        { "/events/autumn-forum/book", "/events/winter-forum/book", "resend", "requests to send a booking link again" },
        { "/series/forum/mailing-list", "/series/other/mailing-list", "", "mailing list sign-ups" },
        { "/polls/some-poll-token", "/polls/another-poll-token", "", "votes" },
        { "/polls/answers/some-edit-token", "/polls/answers/another-edit-token", "", "votes" },
        { "/events/autumn-forum/sessions/12", "/events/autumn-forum/sessions/13", "", "write-ups" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Too_many_posts_to_one_target_get_a_429_page_saying_when_to_try_again(string path, string otherTarget, string action, string what)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = App.CreateHttpClient(followRedirects: false);
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = action, ["Email"] = "eve@example.com" });

        for (var i = 0; i < 2; i++)
        {
            (await client.PostAsync(path, form(), ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var refused = await client.PostAsync(path, form(), ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalMinutes.ShouldBeInRange(0.5, 5);
        var page = await refused.Content.ReadAsStringAsync(ct);
        page.ShouldContain("<h1>Too many attempts</h1>");
        page.ShouldContain($"There have been too many {what} from your network. Try again in 5 minutes.");
        (await client.PostAsync(otherTarget, form(), ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "another target has its own count");
        (await client.GetAsync(path, ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "reading the page is never limited");
    }

    [Fact]
    public async Task Asking_for_the_link_again_does_not_use_up_the_booking_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = App.CreateHttpClient(followRedirects: false);
        var post = (string action) => client.PostAsync("/events/spring-forum/book", new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = action }), ct);

        for (var i = 0; i < 2; i++)
        {
            (await post("resend")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        (await post("resend")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await post("confirm")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }
}
