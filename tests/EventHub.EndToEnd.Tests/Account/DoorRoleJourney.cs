using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>
/// An administrator invites an organiser and gives them Door on one event; that organiser sees that event only, its
/// check-in page works for them, and another event's attendees page opened by its address is refused.
/// </summary>
public sealed class DoorRoleJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_invited_door_volunteer_sees_only_the_door_of_their_event()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var theirs = await PublishedEventAsync($"Door journey forum {suffix}");
        var another = await PublishedEventAsync($"Door journey workshop {suffix}");
        var (admin, _) = await SignedInPageAsync("Ada Admin");
        var dee = new OrganiserLogin("Dee Door", $"dee-{suffix}@devon.gov.uk", "plum garden kettle");

        // The administrator invites Dee.
        await admin.GotoInteractiveAsync(App.Url("/organiser/organisers"));
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.FillFieldAsync("organiser-DisplayName", dee.DisplayName);
        await admin.FillFieldAsync("organiser-Email", dee.Email);
        await admin.FillFieldAsync("organiser-Password", dee.Password);
        await admin.GetByTestId("add-organiser").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("organiser-message")).ToContainTextAsync("Dee Door can now sign in");

        // ... and gives her Door on one event, from the event's page.
        await admin.GotoInteractiveAsync(App.Url($"/organiser/events/{theirs}"));
        await admin.GetByTestId("team-link").ClickAsync();
        await admin.WaitForURLAsync($"**/organiser/events/{theirs}/team");
        await admin.WaitForInteractiveAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.FillFieldAsync("team-Email", dee.Email);
        await admin.Locator("#team-Role").SelectOptionAsync("Door");
        await admin.GetByTestId("team-add").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("team-message")).ToContainTextAsync("Dee Door is now on the team as Door.");
        await Assertions.Expect(admin.Locator($"[data-testid=team-member][data-email='{dee.Email}']")).ToBeVisibleAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();

        // Dee signs in on a phone and sees her one event, as Door.
        var page = await NewPageAsync(phone: true);
        await page.SignInAsync(App, dee);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("event-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("event-link")).ToHaveTextAsync($"Door journey forum {suffix}");
        await Assertions.Expect(page.GetByTestId("my-role")).ToHaveTextAsync("Your role: Door");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{theirs}/check-in"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check-in");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Another event's attendees, by address: refused without saying the event exists.
        await page.GotoAsync(App.Url($"/organiser/events/{another}/attendees"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync($"Door journey workshop {suffix}");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Her own event's team is not hers to change.
        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{theirs}/team"));
        await Assertions.Expect(page.GetByTestId("team-refused")).ToContainTextAsync("Your role on this event's team does not let you do that");
        await Assertions.Expect(page.GetByTestId("team-add-form")).ToHaveCountAsync(0);
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task<int> PublishedEventAsync(string title)
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(40);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title, Capacity = 30, VenueName = "County Hall", StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        }, Ct);
        created.Succeeded.ShouldBeTrue(created.Message);
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return created.Value.Id;
    }
}
