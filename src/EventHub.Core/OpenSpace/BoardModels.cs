namespace EventHub.Core.OpenSpace;

public sealed record ProposalInput(string? Title, string? ConvenerName, string? Description = null);

public sealed record BoardRoom(int Id, string Name, int? Capacity, string AccessibilityNotes);

public sealed record BoardSlotView(int Id, DateTime StartUtc, DateTime EndUtc);

public sealed record BoardProposal(int Id, string Title, string ConvenerName, string Description, int QueueOrder);

/// <summary>One filled cell. A fixed session (a Hybrid event's talk) is shown but cannot be moved on the board.</summary>
public sealed record BoardCellView(
    int SessionId, int RoomId, int SlotId, string Title, string ConvenerName, string Description,
    bool IsPinned, bool IsFixed, int InterestCount, IReadOnlyList<string> Warnings);

/// <summary>The whole board as everyone sees it: public to read.</summary>
public sealed record BoardView(
    int EventId, string Slug, string EventTitle, string TimeZoneId,
    IReadOnlyList<BoardRoom> Rooms, IReadOnlyList<BoardSlotView> Slots,
    IReadOnlyList<BoardCellView> Cells, IReadOnlyList<BoardProposal> Queue)
{
    public BoardCellView? CellAt(int roomId, int slotId) => Cells.FirstOrDefault(c => c.RoomId == roomId && c.SlotId == slotId);

    public IEnumerable<string> AllWarnings => Cells.SelectMany(c => c.Warnings);
}

/// <summary>A board change that went through, with anything the facilitator should look at.</summary>
public sealed record BoardChangeResult(int SessionId, IReadOnlyList<string> Warnings);

public sealed record InterestResult(int SessionId, int InterestCount, string? Warning);
