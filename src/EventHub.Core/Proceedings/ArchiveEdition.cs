namespace EventHub.Core.Proceedings;

public sealed record ArchiveEdition(
    int EventId, string Title, string Slug, string Summary, string TimeZoneId, DateTime StartUtc,
    bool ProceedingsPublished, int SessionCount, int MaterialCount, int WriteUpCount);
