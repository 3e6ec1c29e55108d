using System.Security.Claims;
using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.OpenSpace;

/// <summary>A door volunteer at the pitch desk: they enter pitches for their own event, and the board sends them here.</summary>
public sealed class PitchDeskPageTests : BoardContext
{
    private async Task SignInAsTheDoorAsync()
    {
        await Teams.JoinEventAsync(Database, Actors.Door, EventId, TeamRole.Door);
        Auth.SetAuthorized(Actors.Door.DisplayName);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Actors.Door.UserId!));
    }

    [Fact]
    public async Task A_door_volunteer_enters_a_pitch_and_sees_it_join_the_queue()
    {
        await SignInAsTheDoorAsync();
        var page = Render<PitchDeskPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=pitch-submit]"));

        page.Find("#pitch-Title").Change("Repair cafés");
        page.Find("#pitch-ConvenerName").Change("Rita");
        page.Find("[data-testid=pitch-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=pitch-desk-message]").TextContent.ShouldContain("Added “Repair cafés” to the queue."));
        page.Find("[data-testid=desk-queue]").TextContent.ShouldContain("Repair cafés");
        (await Layout.GetBoardAsync(Actors.Organiser, EventId))!.Queue.Single().Title.ShouldBe("Repair cafés");
    }

    [Fact]
    public async Task A_pitcher_at_the_desk_who_asks_to_be_credited_by_name_is_recorded_so_and_the_box_clears_for_the_next()
    {
        await SignInAsTheDoorAsync();
        var page = Render<PitchDeskPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=pitch-submit]"));
        page.Find("label[for=pitch-CreditByName]").TextContent.ShouldContain("Credit them by name");
        var hint = page.Find("#pitch-CreditByName-hint").TextContent;
        hint.ShouldContain("they ask the organisers, who can withdraw it from the session’s notes page", Case.Sensitive, "a desk pitcher has no email, so no link of their own");
        hint.ShouldNotContain("from their session’s notes page");

        page.Find("#pitch-Title").Change("Repair cafés");
        page.Find("#pitch-ConvenerName").Change("Rita");
        page.Find("[data-testid=pitch-credit]").Change(true);
        page.Find("[data-testid=pitch-submit]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=pitch-desk-message]").TextContent.ShouldContain("Added “Repair cafés”"));
        page.Find("[data-testid=pitch-credit]").HasAttribute("checked").ShouldBeFalse();

        page.Find("#pitch-Title").Change("Seed swaps");
        page.Find("#pitch-ConvenerName").Change("Sam");
        page.Find("[data-testid=pitch-submit]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=pitch-desk-message]").TextContent.ShouldContain("Added “Seed swaps”"));

        await using var db = Database.CreateDbContext();
        (await db.Set<Proposal>().Where(p => p.EventId == EventId).OrderBy(p => p.Id).Select(p => new { p.ConvenerName, p.CreditByName }).ToListAsync())
            .Select(p => (p.ConvenerName, p.CreditByName)).ShouldBe([("Rita", true), ("Sam", false)]);
    }

    [Fact]
    public async Task The_door_team_is_sent_from_the_board_to_the_pitch_desk()
    {
        await SignInAsTheDoorAsync();

        Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));

        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith(PitchDeskPage.PathFor(EventId));
    }

    [Fact]
    public async Task A_door_volunteer_gets_no_pitch_desk_on_an_event_whose_team_they_are_not_on()
    {
        await SignInAsTheDoorAsync();
        int other;
        await using (var db = Database.CreateDbContext())
        {
            var ev = new Event
            {
                Title = "Another Open Space", Slug = "another-open-space", Kind = EventKind.OpenSpace, Status = EventStatus.Published,
                StartUtc = new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 4, 16, 0, 0, DateTimeKind.Utc), Capacity = 50,
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            other = ev.Id;
        }

        var page = Render<PitchDeskPage>(p => p.Add(x => x.Id, other));

        page.FindAll("[data-testid=pitch-submit]").ShouldBeEmpty();
        page.FindAll("h1").ShouldBeEmpty();
        (await Layout.GetBoardAsync(Actor.System, other))!.Queue.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_viewer_is_told_their_role_does_not_include_the_pitch_desk()
    {
        await Teams.JoinEventAsync(Database, Actors.Viewer, EventId, TeamRole.Viewer);
        Auth.SetAuthorized(Actors.Viewer.DisplayName);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Actors.Viewer.UserId!));

        var page = Render<PitchDeskPage>(p => p.Add(x => x.Id, EventId));

        page.WaitForAssertion(() => page.Find("[data-testid=pitch-desk-not-allowed]").TextContent.ShouldBe(EventErrors.RoleDoesNotAllow.Message));
        page.FindAll("[data-testid=pitch-submit]").ShouldBeEmpty();
    }
}
