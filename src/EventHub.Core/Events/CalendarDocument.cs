namespace EventHub.Core.Events;

/// <summary>
/// An iCalendar feed and when an event in its scope last changed (null when it has none), so the feed can be
/// answered "not modified" to a calendar app that polls.
/// </summary>
public sealed record CalendarDocument(string Text, DateTime? ChangedUtc);
