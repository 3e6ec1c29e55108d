using System.Net;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Site;

/// <summary>The headers every response carries, read over HTTP from the real app (environment "Testing", not Development).</summary>
public sealed class SecurityHeadersTests : OwnAppTest
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["EventHub:ForwardedHeaders"] = "true",
        ["https_port"] = "443",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path, bool viaHttpsProxy = true)
    {
        using var client = App.CreateHttpClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "events.example.org";
        if (viaHttpsProxy)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/privacy")]
    [InlineData("/manage/not-a-real-token")]
    public async Task Pages_send_no_referrer_no_sniffing_and_a_policy_without_unsafe_eval(string path)
    {
        var response = await GetAsync(path);

        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self' 'nonce-");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'self'");
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response()
    {
        // The privacy page is never cached (a cached public page keeps the policy its HTML was made with: PublicPageCacheTests).
        var response = await GetAsync("/privacy");
        var html = await response.Content.ReadAsStringAsync(Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = csp[(csp.IndexOf("'nonce-", StringComparison.Ordinal) + 7)..];
        nonce = nonce[..nonce.IndexOf('\'', StringComparison.Ordinal)];
        html.ShouldContain($"type=\"importmap\" nonce=\"{nonce}\"");
        (await GetAsync("/privacy")).Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain(nonce);
    }

    [Fact]
    public async Task Static_files_are_not_sniffed_either()
    {
        var response = await GetAsync("/js/app.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task Outside_development_https_is_enforced_with_hsts_and_plain_http_is_redirected()
    {
        var secure = await GetAsync("/");
        var plain = await GetAsync("/privacy", viaHttpsProxy: false);

        secure.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        plain.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        plain.Headers.Location!.ToString().ShouldBe("https://events.example.org/privacy");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_outside_development()
    {
        var organiser = await App.NewOrganiserAsync();
        using var client = App.CreateHttpClient(followRedirects: false);
        using var form = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        form.Headers.Host = "events.example.org";
        form.Headers.Add("X-Forwarded-Proto", "https");
        var page = await client.SendAsync(form, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.Email"] = organiser.Email, ["Input.Password"] = organiser.Password,
            }),
        };
        post.Headers.Host = "events.example.org";
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post, Ct);

        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("EventHub.Auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
    }
}
