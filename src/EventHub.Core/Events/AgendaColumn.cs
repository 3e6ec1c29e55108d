namespace EventHub.Core.Events;

public sealed record AgendaColumn(int? RoomId, string Name, int? Capacity, string AccessibilityNotes);
