namespace EventHub.Core.OpenSpace;

/// <summary>
/// One filled cell. A fixed session (a Hybrid event's talk) is shown but cannot be moved on the board. Anyone at the
/// board may take a placed session's notes (<see cref="BoardLayoutService.TakeNotesAsync"/>); a fixed one has none.
/// </summary>
public sealed record BoardCellView(
    int SessionId, int RoomId, int SlotId, string Title, string ConvenerName, string Description,
    bool IsPinned, bool IsFixed, int InterestCount, IReadOnlyList<string> Warnings)
{
    /// <summary>The rooms where the same session also runs at this time: its overflow copies, or the session a copy overflows.</summary>
    public IReadOnlyList<string> AlsoIn { get; init; } = [];

    /// <summary>An overflow room's copy: a session of its own (own notes) linked to the one it overflows.</summary>
    public bool IsOverflowCopy { get; init; }
}
