using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Events;

/// <summary>An anonymous visitor who only reads the public pages gets server-rendered HTML and opens no circuit.</summary>
public sealed partial class StaticPublicPagesTests(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Each_public_read_page_is_served_as_static_html_without_a_blazor_server_marker()
    {
        var paths = await SeedPublicPagesAsync();
        using var client = App.CreateHttpClient();

        foreach (var path in paths)
        {
            var response = await client.GetAsync(path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            html.ShouldNotContain("\"type\":\"server\"", customMessage: $"{path} asks for a circuit");
            html.ShouldContain("data-testid=\"static-page\"", customMessage: path);
            html.ShouldNotContain("mud-theme-provider", customMessage: $"{path} renders MudBlazor's providers");
        }
    }

    /// <summary>Every page an anonymous visitor can reach, by the name the test reports.</summary>
    public static TheoryData<string> PublicPages() =>
    [
        "home", "event", "series", "series archive", "archive", "search", "proceedings", "session", "book", "privacy",
        "accessibility", "list sign-up", "poll vote",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task An_anonymous_get_of_a_public_page_asks_for_no_circuit(string name)
    {
        var seeded = await SeedPublicPagesAsync();
        var day = DateTime.UtcNow.Date.AddDays(40);
        var path = name switch
        {
            "home" => seeded[0],
            "event" => seeded[1],
            "series" => seeded[2],
            "series archive" => seeded[3],
            "archive" => "/archive",
            "search" => seeded[4],
            "proceedings" => seeded[5],
            "session" => seeded[6],
            "book" => seeded[1] + "/book",
            "privacy" => "/privacy",
            "accessibility" => "/accessibility",
            "list sign-up" => seeded[2] + "/mailing-list",
            "poll vote" => PollRoutes.Vote((await App.Service<PollSetupService>().CreateAsync(Actor.System, new PollInput
            {
                Title = "No circuit meet-up " + Guid.NewGuid().ToString("N")[..6], Place = "The Phoenix",
                Options = [new PollOptionInput { StartLocal = day.AddHours(19), EndLocal = day.AddHours(21) }],
            }, Ct)).Value!.PublicToken),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a public page this test knows."),
        };
        using var client = App.CreateHttpClient();

        var response = await client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        BlazorServerMarker().IsMatch(html).ShouldBeFalse($"{path} asks for a circuit");
    }

    // The comment Blazor writes where an interactive server component starts: <!--Blazor:{"type":"server",...}-->.
    [System.Text.RegularExpressions.GeneratedRegex("<!--Blazor:\\{[^}]*\"type\":\"server\"")]
    private static partial System.Text.RegularExpressions.Regex BlazorServerMarker();

    [Fact]
    public async Task Reading_every_public_page_in_a_browser_opens_no_connection_to_blazor()
    {
        var paths = await SeedPublicPagesAsync();
        var page = await NewPageAsync(phone: true);
        var blazorTraffic = page.RecordBlazorTraffic();

        foreach (var path in paths)
        {
            await page.GotoInteractiveAsync(App.Url(path));
            await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
            await page.ShouldHaveNoAxeViolationsAsync();
        }

        // The archive search is a plain GET form; enhanced navigation follows a link without a circuit either.
        await page.GotoInteractiveAsync(App.Url("/archive"));
        await page.GetByTestId("archive-q").FillAsync("timetables");
        await page.GetByTestId("archive-search").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/archive\\?q=timetables$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^[1-9]\d* sessions? found$"));
        await Assertions.Expect(page.GetByTestId("archive-q")).ToHaveValueAsync("timetables");
        await page.GetByRole(AriaRole.Link, new() { Name = "Upcoming events" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Upcoming events");
        await page.WaitForTimeoutAsync(500);

        blazorTraffic.ShouldBeEmpty();
    }

    /// <summary>A series with an Open Space edition whose proceedings are published, and one session in it.</summary>
    private async Task<IReadOnlyList<string>> SeedPublicPagesAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var series = (await App.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Static forum " + unique }, Ct)).Value!;
        var events = App.Service<EventService>();
        var agenda = App.Service<AgendaService>();
        var day = DateTime.UtcNow.Date.AddDays(20);
        var ev = (await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Static open space " + unique, Kind = EventKind.OpenSpace, SeriesId = series.Id, Capacity = 40,
            StartLocal = day.AddHours(9), EndLocal = day.AddHours(17), VenueName = "Exeter Library",
        })).Value!;
        var room = (await agenda.SaveRoomAsync(Actor.System, ev.Id, null, new RoomInput { Name = "Reading room", Capacity = 20 })).Value!;
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var slot = (await App.Service<BoardLayoutService>().AddSlotAsync(Actor.System, ev.Id, ev.StartUtc.AddHours(1), ev.StartUtc.AddHours(2))).Value!;
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(ev.Id, new ProposalInput("Bus timetables as open data", "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, room.Id, slot.Id)).Value!.SessionId;
        (await App.Service<ProceedingsService>().SetPublishedAsync(Actor.System, ev.Id, true)).Succeeded.ShouldBeTrue();

        return
        [
            "/", $"/events/{ev.Slug}", $"/series/{series.Slug}", $"/series/{series.Slug}/archive", "/archive?q=timetables",
            $"/events/{ev.Slug}/proceedings", $"/events/{ev.Slug}/sessions/{sessionId}",
        ];
    }
}
