using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Events.Access;

/// <summary>Managing an event's and a series' team: owners and administrators only, and never without an owner.</summary>
public sealed class TeamServiceTests : IAsyncLifetime
{
    private static readonly Actor Owner = Actor.Organiser("owner-1", "Oona Owner");
    private static readonly Actor Editor = Actor.Organiser("editor-1", "Ed Editor");
    private static readonly Actor Stranger = Actor.Organiser("stranger-1", "Sam Stranger");
    private static readonly Actor Door = Actor.Organiser("door-1", "Dee Door");

    private CoreServices _core = default!;
    private TeamService _teams = default!;
    private int _eventId;
    private int _seriesId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDbContextFactory<EventHubDbContext> Db => _core.Get<IDbContextFactory<EventHubDbContext>>();

    public async ValueTask InitializeAsync()
    {
        _core = await CoreServices.CreateAsync();
        _teams = _core.Get<TeamService>();
        foreach (var actor in new[] { Owner, Editor, Stranger, Door })
        {
            await Teams.StoreAsync(Db, actor);
        }

        _seriesId = (await _core.Get<SeriesService>().CreateAsync(Owner, new SeriesInput { Name = "Forum" }, Ct)).Value!.Id;
        _eventId = (await _core.Get<EventService>().CreateAsync(Owner, new EventInput
        {
            Title = "Forum: winter", VenueName = "County Hall", Capacity = 40,
            StartLocal = new DateTime(2026, 12, 3, 9, 30, 0), EndLocal = new DateTime(2026, 12, 3, 12, 0, 0),
        })).Value!.Id;
        await Teams.JoinEventAsync(Db, Editor, _eventId, TeamRole.Editor);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task The_owner_adds_an_organiser_by_email_who_then_has_that_role()
    {
        var added = await _teams.AddAsync(Owner, TeamScope.ForEvent(_eventId), new TeamMemberInput(" DOOR-1@example.org ", TeamRole.Door, false), Ct);

        added.Succeeded.ShouldBeTrue(added.Message);
        added.Value!.Name.ShouldBe("Dee Door");
        var granted = await _core.Get<EventAccess>().ForEventAsync(Door, _eventId, Ct);
        granted.Has(Permission.Door).ShouldBeTrue();
        granted.Has(Permission.ViewAttendees).ShouldBeFalse();
        var team = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!;
        team.Members.Select(m => (m.Name, m.Role)).ShouldBe([("Oona Owner", TeamRole.Owner), ("Ed Editor", TeamRole.Editor), ("Dee Door", TeamRole.Door)]);
    }

    [Fact]
    public async Task Adding_an_unknown_email_or_someone_already_on_the_team_is_refused_on_the_email_field()
    {
        (await _teams.AddAsync(Owner, TeamScope.ForEvent(_eventId), new TeamMemberInput("nobody@example.org", TeamRole.Viewer, false), Ct))
            .ErrorFor(nameof(TeamMemberInput.Email)).ShouldBe(EventErrors.NoOrganiserWithEmail.Message);
        (await _teams.AddAsync(Owner, TeamScope.ForEvent(_eventId), new TeamMemberInput("editor-1@example.org", TeamRole.Viewer, false), Ct))
            .ErrorFor(nameof(TeamMemberInput.Email)).ShouldBe(EventErrors.AlreadyOnTeam.Message);
    }

    [Fact]
    public async Task An_editor_may_not_change_the_team_and_a_stranger_is_told_the_event_is_not_there()
    {
        var byEditor = await _teams.AddAsync(Editor, TeamScope.ForEvent(_eventId), new TeamMemberInput("door-1@example.org", TeamRole.Owner, true), Ct);
        byEditor.IsForbidden.ShouldBeTrue();
        (await _teams.GetAsync(Editor, TeamScope.ForEvent(_eventId), Ct)).IsForbidden.ShouldBeTrue();

        (await _teams.GetAsync(Stranger, TeamScope.ForEvent(_eventId), Ct)).IsNotFound.ShouldBeTrue();
        var editorPlace = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!.Members.Single(m => m.Name == "Ed Editor");
        (await _teams.RemoveAsync(Stranger, editorPlace.Id, Ct)).IsNotFound.ShouldBeTrue();
        (await _teams.ChangeAsync(Editor, editorPlace.Id, TeamRole.Owner, true, Ct)).IsForbidden.ShouldBeTrue();
        (await _core.Get<EventAccess>().ForEventAsync(Editor, _eventId, Ct)).Has(Permission.ManageTeam).ShouldBeFalse();
    }

    [Fact]
    public async Task Changing_a_role_and_the_needs_flag_changes_what_they_may_do()
    {
        var editorPlace = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!.Members.Single(m => m.Name == "Ed Editor");

        var changed = await _teams.ChangeAsync(Owner, editorPlace.Id, TeamRole.Viewer, canSeeNeeds: true, Ct);

        changed.Succeeded.ShouldBeTrue(changed.Message);
        var granted = await _core.Get<EventAccess>().ForEventAsync(Editor, _eventId, Ct);
        granted.Has(Permission.Edit).ShouldBeFalse();
        granted.Has(Permission.ViewNeeds).ShouldBeTrue();
    }

    [Fact]
    public async Task The_last_owner_stays_unless_an_administrator_removes_them()
    {
        var ownerPlace = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!.Members.Single(m => m.Role == TeamRole.Owner);

        (await _teams.RemoveAsync(Owner, ownerPlace.Id, Ct)).ErrorCode.ShouldBe(EventErrors.LastOwner.Code);
        (await _teams.ChangeAsync(Owner, ownerPlace.Id, TeamRole.Editor, false, Ct)).ErrorCode.ShouldBe(EventErrors.LastOwner.Code);

        (await _teams.RemoveAsync(Actors.Admin, ownerPlace.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _core.Get<EventAccess>().ForEventAsync(Owner, _eventId, Ct)).CanSee.ShouldBeFalse();
    }

    [Fact]
    public async Task With_a_second_owner_the_first_may_step_down()
    {
        var editorPlace = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!.Members.Single(m => m.Name == "Ed Editor");
        (await _teams.ChangeAsync(Owner, editorPlace.Id, TeamRole.Owner, false, Ct)).Succeeded.ShouldBeTrue();
        var ownerPlace = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!.Members.Single(m => m.Name == "Oona Owner");

        (await _teams.RemoveAsync(Owner, ownerPlace.Id, Ct)).Succeeded.ShouldBeTrue();

        (await _core.Get<EventAccess>().ForEventAsync(Owner, _eventId, Ct)).CanSee.ShouldBeFalse();
    }

    [Fact]
    public async Task A_series_owner_manages_the_series_team_which_applies_to_its_editions()
    {
        await using (var db = await Db.CreateDbContextAsync(Ct))
        {
            await db.Events.Where(e => e.Id == _eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SeriesId, _seriesId), Ct);
        }

        var added = await _teams.AddAsync(Owner, TeamScope.ForSeries(_seriesId), new TeamMemberInput("stranger-1@example.org", TeamRole.Viewer, false), Ct);

        added.Succeeded.ShouldBeTrue(added.Message);
        (await _core.Get<EventAccess>().ForEventAsync(Stranger, _eventId, Ct)).Has(Permission.ViewAttendees).ShouldBeTrue();
        var eventTeam = (await _teams.GetAsync(Owner, TeamScope.ForEvent(_eventId), Ct)).Value!;
        eventTeam.FromSeries.Select(m => m.Name).ShouldBe(["Oona Owner", "Sam Stranger"], ignoreOrder: true);
        (await _teams.GetAsync(Editor, TeamScope.ForSeries(_seriesId), Ct)).IsNotFound.ShouldBeTrue("an event's editor has no place on the series team");
        (await _teams.AddAsync(Stranger, TeamScope.ForSeries(_seriesId), new TeamMemberInput("door-1@example.org", TeamRole.Owner, true), Ct)).IsForbidden.ShouldBeTrue();
    }
}
