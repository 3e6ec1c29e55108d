using EventHub.Core.Events.Access;

namespace EventHub.Core.Tests.Events.Access;

public sealed class AccessRulesTests
{
    [Fact]
    public void An_owner_may_do_everything_for_the_event_but_see_needs_without_the_flag()
    {
        var owner = AccessRules.For(TeamRole.Owner, canSeeNeeds: false);

        owner.ShouldBe(Enum.GetValues<Permission>().Where(p => p != Permission.ViewNeeds), ignoreOrder: true);
        AccessRules.For(TeamRole.Owner, canSeeNeeds: true).ShouldContain(Permission.ViewNeeds);
    }

    [Fact]
    public void An_editor_changes_the_event_and_reads_its_mail_but_neither_cancels_it_nor_manages_its_team()
    {
        var editor = AccessRules.For(TeamRole.Editor, canSeeNeeds: false);

        editor.ShouldContain(Permission.Edit);
        editor.ShouldContain(Permission.ReadMail);
        editor.ShouldContain(Permission.ManageDoorLinks);
        editor.ShouldNotContain(Permission.Cancel);
        editor.ShouldNotContain(Permission.ManageTeam);
        editor.ShouldNotContain(Permission.ViewNeeds);
    }

    [Fact]
    public void The_door_sees_only_the_door_and_the_pitch_desk_even_with_the_needs_flag()
    {
        AccessRules.For(TeamRole.Door, canSeeNeeds: false).ShouldBe([Permission.See, Permission.Door, Permission.PitchDesk], ignoreOrder: true);
        AccessRules.For(TeamRole.Door, canSeeNeeds: true).ShouldBe([Permission.See, Permission.Door, Permission.PitchDesk], ignoreOrder: true);
    }

    [Fact]
    public void Editors_and_the_door_enter_pitches_at_the_pitch_desk_but_only_editors_run_the_board_and_viewers_neither()
    {
        AccessRules.For(TeamRole.Editor, canSeeNeeds: false).ShouldContain(Permission.PitchDesk);
        AccessRules.For(TeamRole.Door, canSeeNeeds: false).ShouldNotContain(Permission.Edit);
        AccessRules.For(TeamRole.Viewer, canSeeNeeds: true).ShouldNotContain(Permission.PitchDesk);
    }

    [Fact]
    public void A_viewer_reads_figures_and_attendees_and_needs_only_with_the_flag()
    {
        AccessRules.For(TeamRole.Viewer, canSeeNeeds: false)
            .ShouldBe([Permission.See, Permission.ViewFigures, Permission.ViewAttendees], ignoreOrder: true);
        AccessRules.For(TeamRole.Viewer, canSeeNeeds: true).ShouldContain(Permission.ViewNeeds);
    }

    [Theory]
    [InlineData(TeamRole.Editor)]
    [InlineData(TeamRole.Door)]
    [InlineData(TeamRole.Viewer)]
    public void Only_an_owner_may_cancel_or_manage_the_team(TeamRole role)
    {
        var granted = AccessRules.For(role, canSeeNeeds: true);

        granted.ShouldNotContain(Permission.Cancel);
        granted.ShouldNotContain(Permission.ManageTeam);
    }

    [Fact]
    public void No_place_on_any_team_grants_nothing()
    {
        AccessRules.Combine([]).ShouldBeEmpty();
    }

    [Fact]
    public void Places_on_the_event_and_its_series_add_up_and_the_needs_flag_of_either_counts()
    {
        var granted = AccessRules.Combine([(TeamRole.Door, true), (TeamRole.Viewer, false)]);

        granted.ShouldContain(Permission.Door);
        granted.ShouldContain(Permission.ViewAttendees);
        granted.ShouldContain(Permission.ViewNeeds);
    }

    [Fact]
    public void The_verdict_allows_what_was_granted_refuses_a_team_role_that_does_not_and_hides_the_row_from_everyone_else()
    {
        var notFound = new EventHub.Core.Common.Refusal("gone", "Not found.", EventHub.Core.Common.OutcomeStatus.NotFound);

        AccessRules.Verdict(AccessRules.For(TeamRole.Editor, false), Permission.Edit, notFound).ShouldBeNull();
        AccessRules.Verdict(AccessRules.For(TeamRole.Door, false), Permission.Edit, notFound).ShouldBe(EventHub.Core.Events.EventErrors.RoleDoesNotAllow);
        AccessRules.Verdict(AccessRules.Combine([]), Permission.Edit, notFound).ShouldBe(notFound);
    }
}
