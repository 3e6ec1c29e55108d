namespace EventHub.Core.OpenSpace;

/// <summary>The whole board as everyone sees it: public to read.</summary>
public sealed record BoardView(
    int EventId, string Slug, string EventTitle, string TimeZoneId,
    IReadOnlyList<BoardRoom> Rooms, IReadOnlyList<BoardSlotView> Slots,
    IReadOnlyList<BoardCellView> Cells, IReadOnlyList<BoardProposal> Queue)
{
    public BoardCellView? CellAt(int roomId, int slotId) => Cells.FirstOrDefault(c => c.RoomId == roomId && c.SlotId == slotId);

    public IEnumerable<string> AllWarnings => Cells.SelectMany(c => c.Warnings);

    /// <summary>The proposal whose convener is pitching it to the room now: the first in the queue still to pitch.</summary>
    public BoardProposal? NowPitching => Queue.FirstOrDefault(p => !p.HasPitched);

    /// <summary>Who pitches after the one pitching now, in queue order.</summary>
    public IReadOnlyList<BoardProposal> UpNext(int count) => [.. Queue.Where(p => !p.HasPitched).Skip(1).Take(count)];

    /// <summary>The slot running at <paramref name="nowUtc"/>, if any.</summary>
    public BoardSlotView? CurrentSlot(DateTime nowUtc) => Slots.FirstOrDefault(s => s.StartUtc <= nowUtc && nowUtc < s.EndUtc);
}
