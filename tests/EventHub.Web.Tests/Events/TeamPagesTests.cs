using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Events.Organiser;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Events;

public sealed class TeamPagesTests : WebTestContext
{
    private static readonly Actor Owner = Actor.Organiser("owner-1", "Oona Owner");
    private static readonly Actor Editor = Actor.Organiser("editor-1", "Ed Editor");
    private static readonly Actor Door = Actor.Organiser("door-1", "Dee Door");

    private int _eventId;
    private int _seriesId;

    private IDbContextFactory<EventHubDbContext> Db => Core.Get<IDbContextFactory<EventHubDbContext>>();

    protected override async Task OnInitializedAsync()
    {
        Services.AddSingleton(Core.Get<TeamService>());
        foreach (var actor in new[] { Owner, Editor, Door })
        {
            await Teams.StoreAsync(Db, actor);
        }

        _seriesId = (await Core.Get<SeriesService>().CreateAsync(Owner, new SeriesInput { Name = "Forum" })).Value!.Id;
        _eventId = (await Core.Get<EventService>().CreateAsync(Owner, new EventInput
        {
            Title = "Forum: winter", VenueName = "County Hall", Capacity = 40,
            StartLocal = new DateTime(2026, 12, 3, 9, 30, 0), EndLocal = new DateTime(2026, 12, 3, 12, 0, 0),
        })).Value!.Id;
        await Teams.JoinEventAsync(Db, Editor, _eventId, TeamRole.Editor);
    }

    [Fact]
    public async Task The_owner_adds_a_door_volunteer_by_email_and_the_page_says_so()
    {
        SignInAsOrganiser(Owner.UserId!, Owner.DisplayName);
        var cut = Render<EventTeamPage>(p => p.Add(c => c.Id, _eventId));

        cut.WaitForElement("#team-Email").Change("door-1@example.org");
        cut.Find("#team-Role").Change(nameof(TeamRole.Door));
        cut.Find("[data-testid=team-add-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=team-message]").TextContent.ShouldContain("Dee Door is now on the team as Door."));
        cut.FindAll("[data-testid=team-member]").Count.ShouldBe(3);
        (await Core.Get<EventAccess>().ForEventAsync(Door, _eventId)).Has(Permission.Door).ShouldBeTrue();
    }

    [Fact]
    public void An_unknown_email_shows_the_error_summary_and_keeps_what_was_typed()
    {
        SignInAsOrganiser(Owner.UserId!, Owner.DisplayName);
        var cut = Render<EventTeamPage>(p => p.Add(c => c.Id, _eventId));

        cut.WaitForElement("#team-Email").Change("nobody@example.org");
        cut.Find("[data-testid=team-add-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(EventErrors.NoOrganiserWithEmail.Message));
        cut.Find("#team-Email").GetAttribute("value").ShouldBe("nobody@example.org");
    }

    [Fact]
    public async Task The_owner_turns_on_needs_for_the_editor_and_cannot_remove_themselves_as_the_last_owner()
    {
        SignInAsOrganiser(Owner.UserId!, Owner.DisplayName);
        var cut = Render<EventTeamPage>(p => p.Add(c => c.Id, _eventId));

        cut.WaitForElement("[data-email='editor-1@example.org'] [data-testid=team-needs]").Change(true);
        cut.WaitForAssertion(() => cut.Find("[data-testid=team-message]").TextContent.ShouldContain("Ed Editor is now Editor and can see access and dietary needs."));
        (await Core.Get<EventAccess>().ForEventAsync(Editor, _eventId)).Has(Permission.ViewNeeds).ShouldBeTrue();

        cut.Find("[data-email='owner-1@example.org'] [data-testid=team-remove]").Click();
        cut.Find("[data-testid=team-confirm-remove]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(EventErrors.LastOwner.Message));
        cut.FindAll("[data-testid=team-member]").Count.ShouldBe(2);
    }

    [Fact]
    public void An_editor_sees_the_team_page_refuse_them()
    {
        SignInAsOrganiser(Editor.UserId!, Editor.DisplayName);

        var cut = Render<EventTeamPage>(p => p.Add(c => c.Id, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=team-refused]").TextContent.ShouldContain(EventErrors.RoleDoesNotAllow.Message));
        cut.FindAll("[data-testid=team-add-form]").ShouldBeEmpty();
    }

    [Fact]
    public void The_series_team_page_adds_a_member_to_every_edition()
    {
        SignInAsOrganiser(Owner.UserId!, Owner.DisplayName);
        var cut = Render<SeriesTeamPage>(p => p.Add(c => c.Id, _seriesId));

        cut.WaitForElement("#team-Email").Change("editor-1@example.org");
        cut.Find("#team-Role").Change(nameof(TeamRole.Viewer));
        cut.Find("[data-testid=team-add-form]").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=team-message]").TextContent.ShouldContain("Ed Editor is now on the team as Viewer."));
        cut.Find("h1").TextContent.ShouldContain("Series team");
    }
}
