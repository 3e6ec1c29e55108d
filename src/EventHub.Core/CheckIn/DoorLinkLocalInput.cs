namespace EventHub.Core.CheckIn;

/// <summary>What the organiser types: wall-clock times in the event's time zone (stored as UTC).</summary>
public sealed record DoorLinkLocalInput(string Label, DateTime ValidFromLocal, DateTime ValidUntilLocal);
