using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

/// <summary>Who may do what on an Open Space board: editors run it, the door team enters pitches, others are refused.</summary>
public sealed class BoardRoleTests : IAsyncLifetime
{
    private BoardFixture _f = default!;

    public async ValueTask InitializeAsync()
    {
        _f = await BoardFixture.CreateAsync();
        await Teams.JoinEventAsync(_f.Database, Actors.Door, _f.EventId, TeamRole.Door);
        await Teams.JoinEventAsync(_f.Database, Actors.Viewer, _f.EventId, TeamRole.Viewer);
        await Teams.StoreAsync(_f.Database, Actors.Stranger);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_door_volunteer_enters_a_pitch_at_the_pitch_desk_and_it_joins_the_queue()
    {
        var outcome = await _f.Queue.ProposeOnBehalfAsync(Actors.Door, _f.EventId, new ProposalInput("Repair cafés", "Rita"));

        outcome.Succeeded.ShouldBeTrue();
        (await _f.Layout.GetBoardAsync(Actors.Door, _f.EventId))!.Queue.Single().Title.ShouldBe("Repair cafés");
    }

    [Fact]
    public async Task A_door_volunteer_cannot_place_move_or_reorder_sessions_and_is_told_their_role_does_not_allow_it()
    {
        var proposal = await _f.ProposeAsync("Queued");
        var placed = await _f.PlaceAsync("Placed", _f.SmallRoom, _f.Morning);

        var outcomes = new[]
        {
            (await _f.Placement.PlaceAsync(Actors.Door, proposal, _f.BigRoom, _f.Morning)).As<bool>(),
            (await _f.Placement.MoveAsync(Actors.Door, placed, _f.Hall, _f.Afternoon)).As<bool>(),
            (await _f.Placement.SetPinnedAsync(Actors.Door, placed, true)).As<bool>(),
            await _f.Queue.MoveInQueueAsync(Actors.Door, proposal, -1),
            await _f.Queue.WithdrawAsync(Actors.Door, proposal),
            (await _f.Layout.AddSlotAsync(Actors.Door, _f.EventId, new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc))).As<bool>(),
            (await _f.WalkIns.SetPolicyAsync(Actors.Door, _f.EventId, new WalkInPolicy(true, false))).As<bool>(),
            (await _f.Queue.AdvancePitchAsync(Actors.Door, _f.EventId)).As<bool>(),
        };

        outcomes.ShouldAllBe(o => o.IsForbidden && o.Message == EventErrors.RoleDoesNotAllow.Message);
        var board = (await _f.Layout.GetBoardAsync(Actors.Door, _f.EventId))!;
        board.CellAt(_f.SmallRoom, _f.Morning)!.SessionId.ShouldBe(placed);
        board.Queue.Single().Id.ShouldBe(proposal);
    }

    [Fact]
    public async Task A_viewer_cannot_enter_pitches()
    {
        var outcome = await _f.Queue.ProposeOnBehalfAsync(Actors.Viewer, _f.EventId, new ProposalInput("Nope", "Vic"));

        outcome.IsForbidden.ShouldBeTrue();
        (await _f.Layout.GetBoardAsync(Actors.Viewer, _f.EventId))!.Queue.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_organiser_on_none_of_the_teams_is_told_the_board_rows_could_not_be_found()
    {
        var proposal = await _f.ProposeAsync("Queued");
        var a = await _f.PlaceAsync("A", _f.SmallRoom, _f.Morning);
        var b = await _f.PlaceAsync("B", _f.BigRoom, _f.Morning);

        var outcomes = new[]
        {
            (await _f.Queue.ProposeOnBehalfAsync(Actors.Stranger, _f.EventId, new ProposalInput("Sneaky", "Sam"))).As<bool>(),
            (await _f.Placement.PlaceAsync(Actors.Stranger, proposal, _f.Hall, _f.Morning)).As<bool>(),
            (await _f.Placement.SwapAsync(Actors.Stranger, a, b)).As<bool>(),
            (await _f.Merging.MergeAsync(Actors.Stranger, a, b)).As<bool>(),
            await _f.Moderation.ApproveAsync(Actors.Stranger, proposal),
            (await _f.WalkIns.GetPolicyAsync(Actors.Stranger, _f.EventId)).As<bool>(),
        };

        outcomes.ShouldAllBe(o => o.IsNotFound);
        (await _f.Placement.GetHistoryAsync(Actors.Stranger, a)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_draft_events_board_shows_only_to_its_team()
    {
        await using (var db = _f.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == _f.EventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Draft));
        }

        (await _f.Layout.GetBoardAsync(Actors.Stranger, _f.EventId)).ShouldBeNull();
        (await _f.Layout.GetBoardAsync(Actors.Stranger, _f.Slug)).ShouldBeNull();
        (await _f.Layout.GetBoardAsync(Actors.Door, _f.Slug)).ShouldNotBeNull();
    }
}
