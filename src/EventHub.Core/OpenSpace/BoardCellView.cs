namespace EventHub.Core.OpenSpace;

/// <summary>
/// One filled cell. A fixed session (a Hybrid event's talk) is shown but cannot be moved on the board. A placed
/// session carries its notes link's token (anyone at the board may take its notes), a fixed one none.
/// </summary>
public sealed record BoardCellView(
    int SessionId, int RoomId, int SlotId, string Title, string ConvenerName, string Description,
    bool IsPinned, bool IsFixed, int InterestCount, IReadOnlyList<string> Warnings, string? NotesToken = null);
