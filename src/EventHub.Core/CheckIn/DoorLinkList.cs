namespace EventHub.Core.CheckIn;

/// <summary>The event's time zone and its door links, for the organiser's door-links page.</summary>
public sealed record DoorLinkList(string TimeZoneId, IReadOnlyList<DoorLink> Links);
