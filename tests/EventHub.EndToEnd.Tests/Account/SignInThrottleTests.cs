using System.Net;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>Sign-in posts per client address are limited; this host allows 3 in 10 minutes.</summary>
public sealed class SignInThrottleTests : OwnAppTest
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["EventHub:SignIn:AttemptsPerWindow"] = "3",
        ["EventHub:SignIn:Window"] = "00:10:00",
    };

    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_a_429_page_that_says_when_to_try_again()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = App.CreateHttpClient(followRedirects: false);
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "eve@example.com", ["Input.Password"] = "guess" });

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsync("/account/login", form(), ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var refused = await client.PostAsync("/account/login", form(), ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalMinutes.ShouldBeInRange(1, 10);
        var page = await refused.Content.ReadAsStringAsync(ct);
        page.ShouldContain("<h1>Too many attempts</h1>");
        page.ShouldContain("Try again in 10 minutes");
        // Reading the sign-in page is never limited (on this empty site it sends people to first-run setup).
        (await client.GetAsync("/account/login", ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
