namespace EventHub.Core.Proceedings;

public sealed record ArchiveEdition(
    int EventId, string Title, string Slug, string Summary, string TimeZoneId, DateTime StartUtc,
    bool ProceedingsPublished, int SessionCount, int MaterialCount, int WriteUpCount);

/// <summary>A page of a series' past editions, and whether any of them (on any page) left something behind.</summary>
public sealed record PastEditionsPage(Common.PagedResult<ArchiveEdition> Editions, bool AnyLeftSomething);
