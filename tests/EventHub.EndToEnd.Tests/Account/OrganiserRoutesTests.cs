using System.Net;
using System.Reflection;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>HTTP-level checks against the real app: sign-in is required, unknown pages are real 404s.</summary>
public sealed class OrganiserRoutesTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    /// <summary>Every routable page under /organiser, found by reflection so a new page cannot be forgotten.</summary>
    public static TheoryData<string> OrganiserRoutes()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => t.StartsWith("/organiser", StringComparison.OrdinalIgnoreCase))
            .Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\{[^}]+\}", "1"))
            .Distinct()
            .Order();
        var data = new TheoryData<string>();
        foreach (var route in routes)
        {
            data.Add(route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OrganiserRoutes))]
    public async Task An_anonymous_request_to_an_organiser_page_is_sent_to_sign_in(string route)
    {
        using var client = _app.CreateHttpClient(followRedirects: false);

        var response = await client.GetAsync(route, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login?ReturnUrl=" + Uri.EscapeDataString(route));
    }

    [Fact]
    public void There_are_organiser_pages_to_protect() => OrganiserRoutes().Count.ShouldBeGreaterThan(5);

    [Theory]
    [InlineData("/events/no-such-event")]
    [InlineData("/series/no-such-series")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_address_is_a_404_page_not_an_error(string path)
    {
        using var client = _app.CreateHttpClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Page not found");
    }
}
