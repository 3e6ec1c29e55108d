using EventHub.Core.Common;

namespace EventHub.Core.CheckIn;

/// <summary>What a door link opens, when it is valid now.</summary>
public sealed record OpenDoor(int EventId, string EventTitle, string Label, DateTime ValidUntilUtc, string TimeZoneId = EventTime.DefaultTimeZoneId);
