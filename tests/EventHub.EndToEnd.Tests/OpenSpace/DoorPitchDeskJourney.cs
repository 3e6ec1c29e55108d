using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>A volunteer with the Door role enters walk-in pitches at the pitch desk of their event, on a phone, and of no other.</summary>
public sealed class DoorPitchDeskJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_door_volunteer_is_sent_from_the_board_to_the_pitch_desk_enters_a_pitch_and_cannot_open_another_events_desk()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var other = await OpenSpaceSeed.CreateAsync(App);
        var door = await App.NewOrganiserAsync("Dee Door", isAdministrator: false);
        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct))
        {
            var userId = await db.Users.Where(u => u.Email == door.Email).Select(u => u.Id).SingleAsync(Ct);
            db.Set<TeamMember>().Add(new TeamMember { EventId = seed.EventId, OrganiserId = userId, Role = TeamRole.Door, AddedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var phone = await NewPageAsync(phone: true);
        await phone.SignInAsync(App, door);
        await phone.GotoAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await phone.WaitForURLAsync($"**/organiser/events/{seed.EventId}/pitch-desk");
        await Assertions.Expect(phone.GetByTestId("pitch-submit")).ToBeVisibleAsync();
        await phone.GotoInteractiveAsync(phone.Url);
        await phone.ShouldHaveNoAxeViolationsAsync();

        await phone.GetByTestId("pitch-submit").ClickAsync();
        await Assertions.Expect(phone.Locator(".error-summary")).ToContainTextAsync("Enter a title for the session");
        await Assertions.Expect(phone).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await phone.ShouldHaveNoAxeViolationsAsync();
        await phone.FillFieldAsync("pitch-Title", "Repair cafés in libraries");
        await phone.FillFieldAsync("pitch-ConvenerName", "Rita Repair");
        await phone.GetByTestId("pitch-submit").ClickAsync();

        await Assertions.Expect(phone.GetByTestId("pitch-desk-message")).ToContainTextAsync("Added “Repair cafés in libraries” to the queue.");
        await Assertions.Expect(phone.GetByTestId("desk-queue")).ToContainTextAsync("Rita Repair");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await phone.ShouldHaveNoAxeViolationsAsync();

        var elsewhere = await phone.GotoAsync(App.Url($"/organiser/events/{other.EventId}/pitch-desk"));
        elsewhere!.Status.ShouldBe(404);
        await Assertions.Expect(phone.GetByTestId("pitch-submit")).ToHaveCountAsync(0);
        await phone.ShouldHaveNoAxeViolationsAsync();
    }
}
