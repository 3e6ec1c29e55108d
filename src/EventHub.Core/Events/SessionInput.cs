namespace EventHub.Core.Events;

public sealed class SessionInput
{
    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string Speakers { get; set; } = string.Empty;

    public int? RoomId { get; set; }

    public DateTime? StartLocal { get; set; }

    public DateTime? EndLocal { get; set; }

    public int? Capacity { get; set; }
}
