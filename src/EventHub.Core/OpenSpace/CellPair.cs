namespace EventHub.Core.OpenSpace;

/// <summary>The cells of two sessions on one board (swapped or merged).</summary>
internal sealed record CellPair(BoardCell First, BoardCell Second);
