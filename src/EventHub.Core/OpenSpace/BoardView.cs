namespace EventHub.Core.OpenSpace;

/// <summary>The whole board as everyone sees it: public to read.</summary>
public sealed record BoardView(
    int EventId, string Slug, string EventTitle, string TimeZoneId,
    IReadOnlyList<BoardRoom> Rooms, IReadOnlyList<BoardSlotView> Slots,
    IReadOnlyList<BoardCellView> Cells, IReadOnlyList<BoardProposal> Queue)
{
    public BoardCellView? CellAt(int roomId, int slotId) => Cells.FirstOrDefault(c => c.RoomId == roomId && c.SlotId == slotId);

    public IEnumerable<string> AllWarnings => Cells.SelectMany(c => c.Warnings);
}
