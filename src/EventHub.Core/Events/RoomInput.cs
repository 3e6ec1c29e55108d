namespace EventHub.Core.Events;

public sealed class RoomInput
{
    public string Name { get; set; } = string.Empty;

    public int? Capacity { get; set; }

    public string AccessibilityNotes { get; set; } = string.Empty;
}
