using EventHub.Core.Common;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.OpenSpace;

/// <summary>
/// The facilitators' board. Keyboard first: select a proposal or session with a button, then choose a cell.
/// Tapping works the same way on a phone; drag and drop is an enhancement on the same calls.
/// </summary>
public partial class FacilitationBoardPage
{
    private BoardProposal? _selectedProposal;
    private BoardCellView? _selectedCell;
    private bool _skipNextRender;
    private string? _message;
    private bool _messageIsError;
    private IReadOnlyList<string> _warnings = [];
    private IReadOnlyList<FieldError> _slotErrors = [];
    private bool _pitchHasErrors;
    private bool _newsHasErrors;
    private DateTime? _slotStart;
    private DateTime? _slotEnd;
    private int _boardVersion;

    private readonly BoardFollower _follower = new();

    private BoardView? Board { get; set; }

    [Inject]
    private ILiveSignal Signal { get; set; } = default!;

    [Inject]
    private BoardLayoutService Layout { get; set; } = default!;

    [Inject]
    private PitchQueueService Queue { get; set; } = default!;

    [Inject]
    private SessionPlacementService Placement { get; set; } = default!;

    [Inject]
    private SessionMergeService Merging { get; set; } = default!;

    [Inject]
    private OverflowRoomService Overflow { get; set; } = default!;

    [Inject]
    private EventAccess Access { get; set; } = default!;

    // An organiser on none of the event's teams gets the not-found page (OrganiserEventPage).
    protected override async Task OnEventLoadedAsync(EventHub.Core.Events.EventDetail detail)
    {
        // The board is run by those who may edit the event; the door team has the pitch desk only.
        var permissions = await Access.ForEventAsync(Actor, Id);
        if (!permissions.Has(Permission.Edit))
        {
            if (permissions.Has(Permission.PitchDesk))
            {
                Navigation.NavigateTo(PitchDeskPage.PathFor(Id), replace: true);
            }
            else
            {
                Navigation.NotFound();
            }

            return;
        }

        await ReloadAsync();
        if (Board is null)
        {
            Navigation.NotFound();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (Board is not null)
        {
            _follower.Follow(Signal, Board.EventId, RendererInfo.IsInteractive, () => InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            }));
        }
    }

    public void Dispose()
    {
        _follower.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task ReloadAsync()
    {
        Board = await Layout.GetBoardAsync(await CurrentActor.GetAsync(), Id);
        _boardVersion++;
        if (_selectedCell is not null)
        {
            _selectedCell = Board?.Cells.FirstOrDefault(c => c.SessionId == _selectedCell.SessionId);
        }

        if (_selectedProposal is not null)
        {
            _selectedProposal = Board?.Queue.FirstOrDefault(p => p.Id == _selectedProposal.Id);
        }
    }

    private void SelectProposal(BoardProposal proposal)
    {
        _selectedCell = null;
        _selectedProposal = _selectedProposal?.Id == proposal.Id ? null : proposal;
    }

    private void SelectCell(BoardCellView cell)
    {
        _selectedProposal = null;
        _selectedCell = cell;
    }

    private void ClearSelection()
    {
        _selectedProposal = null;
        _selectedCell = null;
    }

    // Starting a drag remembers what is dragged without re-rendering: showing the "Placing…" banner mid-drag pushed
    // the grid down under the pointer, so the drop landed on a header instead of the cell. (A click still toggles.)
    private void StartDragProposal(BoardProposal proposal)
    {
        _selectedCell = null;
        _selectedProposal = proposal;
        _skipNextRender = true;
    }

    private void StartDragCell(BoardCellView cell)
    {
        if (!cell.IsPinned && !cell.IsFixed)
        {
            _selectedProposal = null;
            _selectedCell = cell;
            _skipNextRender = true;
        }
    }

    protected override bool ShouldRender()
    {
        if (_skipNextRender)
        {
            _skipNextRender = false;
            return false;
        }

        return base.ShouldRender();
    }

    private async Task DropAsync(BoardRoom room, BoardSlotView slot, BoardCellView? target)
    {
        var actor = await CurrentActor.GetAsync();
        if (_selectedProposal is { } proposal)
        {
            // Onto an empty cell it is placed; onto a taken one the board refuses and says why, and placing mode ends.
            Show(await Placement.PlaceAsync(actor, proposal.Id, room.Id, slot.Id), $"Placed “{proposal.Title}” in {room.Name}.");
        }
        else if (_selectedCell is { } cell && target is null)
        {
            Show(await Placement.MoveAsync(actor, cell.SessionId, room.Id, slot.Id), $"Moved “{cell.Title}” to {room.Name}.{StaysAlsoIn(cell)}");
        }
        else if (_selectedCell is { } dragged && target is not null && target.SessionId != dragged.SessionId && !target.IsFixed)
        {
            await SwapAsync(dragged, target);
            return;
        }
        else if (_selectedCell is { } onto && target is not null && target.SessionId != onto.SessionId)
        {
            // A fixed talk cannot be swapped: the board refuses the move and says why.
            Show(await Placement.MoveAsync(actor, onto.SessionId, room.Id, slot.Id), $"Moved “{onto.Title}” to {room.Name}.");
        }
        else if (_selectedCell is null)
        {
            return;
        }

        ClearSelection();
        await ReloadAsync();
    }

    private async Task SwapAsync(BoardCellView a, BoardCellView b)
    {
        Show(await Placement.SwapAsync(await CurrentActor.GetAsync(), a.SessionId, b.SessionId), $"Swapped “{a.Title}” and “{b.Title}”.{StaysAlsoIn(a)}{StaysAlsoIn(b)}");
        ClearSelection();
        await ReloadAsync();
    }

    private async Task MergeAsync(BoardCellView keep, BoardCellView absorb)
    {
        Show(await Merging.MergeAsync(await CurrentActor.GetAsync(), keep.SessionId, absorb.SessionId), $"Merged “{absorb.Title}” into “{keep.Title}”.");
        ClearSelection();
        await ReloadAsync();
    }

    private async Task DuplicateAsync(BoardCellView cell, BoardRoom room, BoardSlotView slot)
    {
        Show(await Overflow.DuplicateAsync(await CurrentActor.GetAsync(), cell.SessionId, room.Id, slot.Id),
            $"“{cell.Title}” now also runs in {room.Name}, as an overflow room with its own notes page. Its convener and the people interested in it are told by email.");
        ClearSelection();
        await ReloadAsync();
    }

    private async Task RemoveCopyAsync(BoardCellView copy)
    {
        var rooms = Board?.Rooms.ToDictionary(r => r.Id, r => r.Name);
        Show(await Overflow.RemoveCopyAsync(await CurrentActor.GetAsync(), copy.SessionId),
            $"Closed the overflow room in {rooms?.GetValueOrDefault(copy.RoomId)}: its notes, write-ups and interest joined “{copy.Title}” in {string.Join(" and ", copy.AlsoIn)}.");
        ClearSelection();
        await ReloadAsync();
    }

    /// <summary>What happens to a moved session's linked rooms: they stay where they are.</summary>
    private static string StaysAlsoIn(BoardCellView cell) =>
        cell.AlsoIn.Count > 0 ? $" It still also runs in {string.Join(" and ", cell.AlsoIn)}, which stays where it is." : string.Empty;

    private async Task PinAsync(BoardCellView cell, bool pinned)
    {
        Show(await Placement.SetPinnedAsync(await CurrentActor.GetAsync(), cell.SessionId, pinned), pinned ? $"Pinned “{cell.Title}”." : $"Unpinned “{cell.Title}”.");
        await ReloadAsync();
    }

    private async Task MoveInQueueAsync(BoardProposal proposal, int offset)
    {
        var outcome = await Queue.MoveInQueueAsync(await CurrentActor.GetAsync(), proposal.Id, offset);
        Say(outcome.Succeeded ? $"Moved “{proposal.Title}” {(offset < 0 ? "up" : "down")} the queue." : outcome.Errors[0].Message, !outcome.Succeeded);
        await ReloadAsync();
    }

    private async Task AdvancePitchAsync()
    {
        var outcome = await Queue.AdvancePitchAsync(await CurrentActor.GetAsync(), Id);
        Say(outcome.Value is { } turn
            ? turn.NowPitchingTitle is { } next ? $"“{turn.PitchedTitle}” has pitched. Now pitching: “{next}”." : $"“{turn.PitchedTitle}” has pitched. Nobody else is waiting to pitch."
            : outcome.Errors[0].Message, !outcome.Succeeded);
        await ReloadAsync();
    }

    private async Task WithdrawAsync(BoardProposal proposal)
    {
        var outcome = await Queue.WithdrawAsync(await CurrentActor.GetAsync(), proposal.Id);
        Say(outcome.Succeeded ? $"Withdrew “{proposal.Title}”." : outcome.Errors[0].Message, !outcome.Succeeded);
        ClearSelection();
        await ReloadAsync();
    }

    private async Task PitchAddedAsync(string message)
    {
        Say(message, false);
        await ReloadAsync();
    }

    private async Task AddSlotAsync()
    {
        var errors = new List<FieldError>();
        var zone = EventTime.Zone(Board?.TimeZoneId);
        DateTime startUtc = default, endUtc = default;
        if (_slotStart is not { } start || !EventTime.TryToUtc(start, zone, out startUtc))
        {
            errors.Add(new("StartUtc", "Enter when the slot starts"));
        }

        if (_slotEnd is not { } end || !EventTime.TryToUtc(end, zone, out endUtc))
        {
            errors.Add(new("EndUtc", "Enter when the slot ends"));
        }

        if (errors.Count == 0)
        {
            var outcome = await Layout.AddSlotAsync(await CurrentActor.GetAsync(), Id, startUtc, endUtc);
            errors.AddRange(outcome.Errors);
            if (outcome.Succeeded)
            {
                Say("Time slot added.", false);
                _slotStart = _slotEnd = null;
            }
        }

        _slotErrors = errors;
        await ReloadAsync();
    }

    private async Task RemoveSlotAsync(BoardSlotView slot)
    {
        var outcome = await Layout.RemoveSlotAsync(await CurrentActor.GetAsync(), slot.Id);
        Say(outcome.Succeeded ? "Time slot removed." : outcome.Errors[0].Message, !outcome.Succeeded);
        await ReloadAsync();
    }

    private void Show(Outcome<BoardChangeResult> outcome, string success)
    {
        if (outcome.Succeeded)
        {
            Say(success, false);
            _warnings = outcome.Value!.Warnings;
        }
        else
        {
            Say(outcome.Errors[0].Message, true);
        }
    }

    private void Say(string message, bool error)
    {
        _message = message;
        _messageIsError = error;
        _warnings = [];
    }
}
