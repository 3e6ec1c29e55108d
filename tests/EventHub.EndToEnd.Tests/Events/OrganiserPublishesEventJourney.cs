using System.Globalization;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Events;

public sealed class OrganiserPublishesEventJourney(BrowserFixture browser) : OwnAppTest
{
    [Fact]
    public async Task First_run_setup_then_an_organiser_publishes_an_event_that_a_visitor_finds_with_its_agenda()
    {
        var page = await browser.NewPageAsync();

        // First run: the sign-in page sends us to setup, which asks for the code from the start-up log and creates
        // the administrator.
        await page.GotoAsync(App.Url("/account/login"));
        await page.WaitForURLAsync("**/setup");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("SetupCode").FillAsync(App.Service<EventHub.Core.Organisers.FirstRunSetup>().SetupCode);
        await page.GetByTestId("DisplayName").FillAsync("Ada Admin");
        await page.GetByTestId("Email").FillAsync("ada@devon.gov.uk");
        await page.GetByTestId("Password").FillAsync("correct horse battery");
        await page.GetByTestId("ConfirmPassword").FillAsync("correct horse battery");
        await page.GetByTestId("create-administrator").ClickAsync();
        await page.WaitForURLAsync("**/organiser/events");
        await page.WaitForInteractiveAsync();

        // Sign out, then sign in again with the new account.
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(App.Url("/"));
        await page.GotoAsync(App.Url("/account/login"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("Email").FillAsync("ada@devon.gov.uk");
        await page.GetByTestId("Password").FillAsync("correct horse battery");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync("**/organiser/events");
        await page.WaitForInteractiveAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        // A series.
        await page.GotoInteractiveAsync(App.Url("/organiser/series/new"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.FillFieldAsync("Name", "Devon Social Media Forum");
        await page.FillFieldAsync("Description", "For people who work in the public sector in Devon.");
        await page.GetByTestId("save-series").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/organiser/series$"));
        await Assertions.Expect(page.GetByTestId("series-table")).ToContainTextAsync("Devon Social Media Forum");
        await page.ShouldHaveNoAxeViolationsAsync();

        // An event: first a mistake (end before start) which keeps what was typed, then the fix.
        var day = DateTime.UtcNow.Date.AddDays(30);
        string Local(int hour, int minute = 0) => day.AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await page.GotoInteractiveAsync(App.Url("/organiser/events/new"));
        await page.FillFieldAsync("Title", "Social Media Forum: winter");
        await page.GetByTestId("SeriesId").SelectOptionAsync(new SelectOptionValue { Label = "Devon Social Media Forum" });
        await page.FillFieldAsync("Summary", "Talks and **open discussion**.");
        await page.FillFieldAsync("VenueName", "County Hall");
        await page.FillFieldAsync("StartLocal", Local(16));
        await page.FillFieldAsync("EndLocal", Local(9, 30));
        await page.FillFieldAsync("Capacity", "80");
        await page.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("End must be after the start");
        await Assertions.Expect(page.GetByTestId("Title")).ToHaveValueAsync("Social Media Forum: winter");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.FillFieldAsync("StartLocal", Local(9, 30));
        await page.FillFieldAsync("EndLocal", Local(16));
        await page.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/events/\d+$"));
        await page.WaitForInteractiveAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        // Two rooms and three sessions.
        foreach (var (room, seats) in new[] { ("Committee Suite", "80"), ("Training Room 2", "25") })
        {
            await page.FillFieldAsync("room-Name", room);
            await page.FillFieldAsync("room-Capacity", seats);
            await page.GetByTestId("save-room").ClickAsync();
            await Assertions.Expect(page.GetByTestId("rooms-table")).ToContainTextAsync(room);
        }

        foreach (var (title, room, start, end) in new[]
                 {
                     ("Welcome", "Committee Suite", Local(9, 30), Local(10)),
                     ("Crisis comms on social", "Committee Suite", Local(10), Local(11)),
                     ("Alt text workshop", "Training Room 2", Local(10), Local(11)),
                 })
        {
            await page.FillFieldAsync("session-Title", title);
            await page.GetByTestId("session-RoomId").SelectOptionAsync(new SelectOptionValue { Label = room });
            await page.FillFieldAsync("session-StartLocal", start);
            await page.FillFieldAsync("session-EndLocal", end);
            await page.GetByTestId("save-session").ClickAsync();
            await Assertions.Expect(page.GetByTestId("sessions-table")).ToContainTextAsync(title);
        }

        await Assertions.Expect(page.GetByTestId("agenda-session")).ToHaveCountAsync(3);
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-message")).ToContainTextAsync("Event published");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The series' figures, from the series list: the edition side by side (one so far) with every figure as a table.
        await page.GotoInteractiveAsync(App.Url("/organiser/series"));
        await page.GetByTestId("series-dashboard-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Figures: Devon Social Media Forum");
        await Assertions.Expect(page.GetByTestId("series-table")).ToContainTextAsync("Social Media Forum: winter");
        await Assertions.Expect(page.GetByTestId("series-table")).ToContainTextAsync("No answers yet");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.SetViewportSizeAsync(360, 740);
        (await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.dashboard-chart')].every(c => c.getBoundingClientRect().right <= 360)")).ShouldBeTrue();
        await page.ShouldHaveNoAxeViolationsAsync();

        // An anonymous visitor (own browser context, no cookies) finds it and its agenda.
        var visitor = await browser.NewPageAsync(phone: true);
        await visitor.GotoInteractiveAsync(App.Url("/"));
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Social Media Forum: winter" }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/events/social-media-forum-winter$"));
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Social Media Forum: winter");
        await Assertions.Expect(visitor.GetByTestId("event-places")).ToContainTextAsync("80 of 80 places left");
        await Assertions.Expect(visitor.GetByTestId("agenda")).ToContainTextAsync("Crisis comms on social");
        await Assertions.Expect(visitor.GetByTestId("agenda")).ToContainTextAsync("Alt text workshop");
        await Assertions.Expect(visitor.GetByTestId("agenda")).ToContainTextAsync("Training Room 2");
        await Assertions.Expect(visitor.GetByTestId("event-summary").Locator("strong")).ToHaveTextAsync("open discussion");
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.GotoInteractiveAsync(App.Url("/series/devon-social-media-forum"));
        await Assertions.Expect(visitor.GetByTestId("event-card")).ToContainTextAsync("Social Media Forum: winter");
        await visitor.ShouldHaveNoAxeViolationsAsync();
    }
}
