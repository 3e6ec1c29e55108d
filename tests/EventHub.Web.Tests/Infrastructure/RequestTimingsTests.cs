using System.Globalization;
using System.Text.RegularExpressions;
using EventHub.Core.Tests.Support;
using EventHub.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace EventHub.Web.Tests.Infrastructure;

/// <summary>
/// The benchmark switch <c>EventHub:Diagnostics:RequestTimings</c>: on, every request is timed by method, path and the
/// booking form's step, and the figures are logged when the app stops; off (the default), nothing is.
/// </summary>
public sealed partial class RequestTimingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_on_each_path_and_form_step_is_logged_with_the_time_the_server_spent_on_it()
    {
        var lines = await RunAsync(on: true);

        lines.Count.ShouldBe(3);
        lines.ShouldContain(l => l.StartsWith("server time GET /events/forum: 2 requests, p50/p95/p99 ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("server time POST /events/forum/book (check): 1 requests, ", StringComparison.Ordinal));
        var confirm = lines.Where(l => l.StartsWith("server time POST /events/forum/book (confirm): 1 requests, ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        // The confirm endpoint below takes at least 100 ms: the logged time is the server's own, not a placeholder.
        var p50 = double.Parse(Figures().Match(confirm).Groups[1].Value, CultureInfo.InvariantCulture);
        p50.ShouldBeGreaterThanOrEqualTo(100);
    }

    [Fact]
    public async Task When_off_nothing_is_timed_or_logged()
    {
        (await RunAsync(on: false)).ShouldBeEmpty();
    }

    private static async Task<IReadOnlyList<string>> RunAsync(bool on)
    {
        var log = new LogLines(typeof(RequestTimings).FullName!);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[RequestTimings.Switch] = on ? "true" : "false";
        builder.Logging.ClearProviders().AddProvider(log);
        await using var app = builder.Build();
        app.UseRequestTimings();
        app.MapGet("/events/{slug}", () => "the event");
        app.MapPost("/events/{slug}/book", async (HttpRequest request) =>
        {
            var step = (await request.ReadFormAsync())["Action"].ToString();
            if (step == "confirm")
            {
                await Task.Delay(TimeSpan.FromMilliseconds(120));
            }

            return step;
        });
        await app.StartAsync(Ct);
        using var client = app.GetTestClient();
        await client.GetStringAsync(new Uri("/events/forum", UriKind.Relative), Ct);
        await client.GetStringAsync(new Uri("/events/forum", UriKind.Relative), Ct);
        foreach (var step in new[] { "check", "confirm" })
        {
            using var form = new FormUrlEncodedContent([new("Action", step), new("Name", "Ann Example")]);
            using var response = await client.PostAsync(new Uri("/events/forum/book", UriKind.Relative), form, Ct);
            response.EnsureSuccessStatusCode();
        }

        await app.StopAsync(Ct);
        return [.. log.Lines.Select(l => l.Text)];
    }

    [GeneratedRegex(@"p50/p95/p99 ([0-9.]+) / ")]
    private static partial Regex Figures();
}
