using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Events;

public sealed class CopyEditionJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_organiser_copies_the_last_edition_to_a_new_date_and_publishes_it()
    {
        var events = App.Service<EventService>();
        var agenda = App.Service<AgendaService>();
        var title = "Digital Forum " + Guid.NewGuid().ToString("N")[..6];
        var lastDay = DateTime.UtcNow.Date.AddDays(-60);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title, Capacity = 60, VenueName = "County Hall", StartLocal = lastDay.AddHours(9).AddMinutes(30), EndLocal = lastDay.AddHours(16),
        }, Ct);
        created.Succeeded.ShouldBeTrue(created.Message);
        var lastId = created.Value!.Id;
        (await agenda.SaveRoomAsync(Actor.System, lastId, null, new RoomInput { Name = "Committee Suite" }, Ct)).Succeeded.ShouldBeTrue();
        (await agenda.SaveSessionAsync(Actor.System, lastId, null, new SessionInput
        {
            Title = "Welcome and news", StartLocal = lastDay.AddHours(9).AddMinutes(30), EndLocal = lastDay.AddHours(10),
        }, Ct)).Succeeded.ShouldBeTrue();
        (await events.SetStatusAsync(Actor.System, lastId, EventStatus.Completed, Ct)).Succeeded.ShouldBeTrue();

        var (page, _) = await SignedInPageAsync();
        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{lastId}"));

        // A date is needed: the field says so and nothing is copied.
        await page.GetByTestId("copy-edition-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-error-summary")).ToContainTextAsync("Enter the date of the new edition");
        await page.ShouldHaveNoAxeViolationsAsync();

        var newDay = DateTime.UtcNow.Date.AddDays(45);
        await page.FillFieldAsync("copy-date", newDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("copy-edition-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-message")).ToContainTextAsync("1 room, 1 session");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByTestId("open-copy").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/events/\d+$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("sessions-table")).ToContainTextAsync("Welcome and news");
        await Assertions.Expect(page.GetByTestId("sessions-table")).ToContainTextAsync("9:30am to 10am");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-message")).ToContainTextAsync("Event published");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The new edition is public on its own date.
        var slug = title.ToLowerInvariant().Replace(' ', '-') + "-" + newDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var visitor = await NewPageAsync(phone: true);
        await visitor.GotoInteractiveAsync(App.Url($"/events/{slug}"));
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.GetByTestId("agenda")).ToContainTextAsync("Welcome and news");
        await visitor.ShouldHaveNoAxeViolationsAsync();
    }
}
