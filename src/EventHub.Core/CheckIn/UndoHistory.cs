namespace EventHub.Core.CheckIn;

/// <summary>The undone check-ins of an event, with its time zone for showing the times.</summary>
public sealed record UndoHistory(string TimeZoneId, IReadOnlyList<UndoHistoryRow> Rows);
