namespace EventHub.Core.Events;

/// <summary>The slug of an event and of its series (if any): the addresses of the public pages that show it.</summary>
public sealed record EventSlugs(string Event, string? Series);
