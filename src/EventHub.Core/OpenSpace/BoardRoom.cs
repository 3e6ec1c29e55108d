namespace EventHub.Core.OpenSpace;

public sealed record BoardRoom(int Id, string Name, int? Capacity, string AccessibilityNotes);
