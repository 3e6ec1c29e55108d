namespace EventHub.Core.OpenSpace;

/// <summary>A session on the board as a ticket holder sees it from their manage page.</summary>
public sealed record HolderSession(int SessionId, string Title, string ConvenerName, string Where, bool Interested, string? Change);
