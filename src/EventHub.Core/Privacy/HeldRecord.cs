namespace EventHub.Core.Privacy;

/// <summary>
/// One thing EventHub holds about a person: what it is ("Booking"), where ("Digital Forum: spring"), when, and its
/// details as labelled values (times in <see cref="TimeZoneId"/>, the event's zone) in the order a person reads them.
/// </summary>
public sealed record HeldRecord(string Kind, string Where, DateTime? WhenUtc, string? TimeZoneId, IReadOnlyList<KeyValuePair<string, string>> Details);
