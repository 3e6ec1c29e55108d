namespace EventHub.Core.Proceedings;

public sealed record ArchiveHit(
    int SessionId, string SessionTitle, string EventTitle, string EventSlug, string TimeZoneId, DateTime StartUtc,
    bool ProceedingsPublished, int MaterialCount);
