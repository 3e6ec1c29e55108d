namespace EventHub.Core.Proceedings;

public sealed record ProceedingsBook(
    int EventId, string EventSlug, string EventTitle, string SummaryHtml, string TimeZoneId, DateTime StartUtc,
    bool IsPublished, DateTime? PublishedUtc, IReadOnlyList<ProceedingsSession> Sessions);
