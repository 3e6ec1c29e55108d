using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Access;

/// <summary>
/// Every endpoint that is not a page and takes something in its address (an event, series or material id, a slug, a
/// link's token), read from the app's endpoint data source so that a new endpoint is walked without anyone adding it
/// here. Each is called over HTTP with the ids of another organiser's draft event (its slug, its hidden file) and with
/// fresh random tokens: by a signed-in organiser on none of that event's teams it answers 403 or 404, by someone not
/// signed in 401, 403 or 404, and neither answer names anything of the draft. POSTs carry a valid antiforgery token for the
/// caller, so the refusal is the access check's and not the antiforgery check's.
/// </summary>
public sealed partial class EndpointAccessTests(OrganiserEndpointsTests.App app) : IClassFixture<OrganiserEndpointsTests.App>
{
    private static readonly string[] Secrets = ["Quentin", "Quiet slides", "quiet slides", "Zed Secretname"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_walk_finds_the_csvs_the_file_download_the_door_the_notes_and_the_public_links()
    {
        var patterns = Endpoints().Select(e => e.Pattern).ToList();

        patterns.ShouldContain("/organiser/events/{id:int}/attendees.csv");
        patterns.ShouldContain("/organiser/events/{id:int}/attendance.csv");
        patterns.ShouldContain("/organiser/events/{id:int}/feedback.csv");
        patterns.ShouldContain("/organiser/series/{id:int}/figures.csv");
        patterns.ShouldContain("/materials/{id:int}");
        patterns.ShouldContain("/p/{eventId:int}");
        patterns.ShouldContain("/door/{token}/offline/sync");
        patterns.ShouldContain("/organiser/events/{id:int}/check-in/offline/sync");
        patterns.ShouldContain("/notes/{token}/materials");
        patterns.ShouldContain("/lists/unsubscribe/{token}/one-click");
    }

    [Fact]
    public async Task An_organiser_on_none_of_the_teams_is_refused_every_endpoint_and_sees_nothing_of_the_event()
    {
        var failures = await WalkAsync(OrganiserEndpointsTests.App.Stranger, [HttpStatusCode.Forbidden, HttpStatusCode.NotFound]);

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Someone_not_signed_in_is_refused_every_endpoint_and_sees_nothing_of_the_event()
    {
        // A link's token is the credential there: a wrong one is forbidden.
        var failures = await WalkAsync(null, [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound]);

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_owner_downloads_the_hidden_file_that_the_walk_asks_for()
    {
        using var client = app.ClientFor(OrganiserEndpointsTests.App.Owner);

        var response = await client.GetAsync(new Uri($"/materials/{app.DraftMaterialId}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Quentin's quiet slides");
    }

    private async Task<List<string>> WalkAsync(Actor? caller, HttpStatusCode[] allowed)
    {
        var failures = new List<string>();
        var (cookie, headerName, requestToken) = Antiforgery(caller);
        using var client = app.ClientFor(caller);
        foreach (var (pattern, method) in Endpoints())
        {
            if (Address(pattern) is not { } path)
            {
                failures.Add($"{method} {pattern}: the walk cannot fill its address; teach Address the new parameter");
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"eventId={app.DraftEventId}");
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add(headerName, requestToken);
            if (method == "POST")
            {
                request.Content = new StringContent("""{"salt":"walk","checkIns":[]}""", Encoding.UTF8, "application/json");
            }

            // A stream that answers 200 would never end: read the headers, and the body only of a refusal.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!allowed.Contains(response.StatusCode))
            {
                var said = response.StatusCode == HttpStatusCode.OK ? string.Empty : await response.Content.ReadAsStringAsync(timeout.Token);
                failures.Add($"{method} {path}: answered {(int)response.StatusCode} {said[..Math.Min(said.Length, 300)]}");
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            failures.AddRange(Secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{method} {path}: the refusal names \"{s}\""));
        }

        return failures;
    }

    /// <summary>The app's endpoints that are not pages, the framework's own or static files, and have a parameter in their address.</summary>
    private List<(string Pattern, string Method)> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                && e.RoutePattern.Parameters.Count > 0
                && e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.StartsWith('_')
                && e.RoutePattern.Parameters.All(p => !p.IsCatchAll))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (e.RoutePattern.RawText!, m)))
            .Distinct()];

    /// <summary>The address with the draft's ids, its slug and fresh random tokens; null for a parameter the walk does not know.</summary>
    private string? Address(string pattern)
    {
        var unknown = false;
        var path = Parameter().Replace(pattern, match =>
        {
            switch (match.Groups["name"].Value)
            {
                case "id" when pattern.StartsWith("/materials/", StringComparison.Ordinal):
                    return Invariant(app.DraftMaterialId);
                case "id" when pattern.StartsWith("/organiser/series/", StringComparison.Ordinal):
                    return Invariant(app.SeriesId);
                case "id" or "eventId":
                    return Invariant(app.DraftEventId);
                case "slug":
                    return app.DraftSlug;
                case "token":
                    return SecureTokens.New();
                default:
                    unknown = true;
                    return string.Empty;
            }
        });
        return unknown ? null : path;
    }

    /// <summary>An antiforgery cookie and request token bound to the caller, as a page they opened would have given them.</summary>
    private (string Cookie, string HeaderName, string RequestToken) Antiforgery(Actor? caller)
    {
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        var options = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        var context = new DefaultHttpContext { RequestServices = app.Services, User = OrganiserEndpointsTests.App.PrincipalFor(caller) };
        var tokens = antiforgery.GetAndStoreTokens(context);
        return ($"{options.Cookie.Name}={tokens.CookieToken}", tokens.HeaderName ?? options.HeaderName!, tokens.RequestToken!);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
