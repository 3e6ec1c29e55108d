namespace EventHub.Core.Events;

/// <summary>One organiser change that other features may need to act on.</summary>
public sealed record EventChange(EventChangeKind Kind, Event Event, EventBefore Before, DateTime NowUtc);
