namespace EventHub.Core.CheckIn;

/// <summary>One undone check-in: whose, who made it and when, who undid it and when.</summary>
public sealed record UndoHistoryRow(string Name, DateTime CheckedInUtc, string CheckedInBy, DateTime UndoneUtc, string UndoneBy);
