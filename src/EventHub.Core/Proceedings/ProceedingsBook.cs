namespace EventHub.Core.Proceedings;

public sealed record ProceedingsBook(
    int EventId, string EventSlug, string EventTitle, string SummaryHtml, string TimeZoneId, DateTime StartUtc,
    bool IsPublished, DateTime? PublishedUtc, IReadOnlyList<ProceedingsSession> Sessions,
    ProceedingsLicence Licence = ProceedingsLicence.CcBy4)
{
    public LicenceTerms LicenceTerms => LicenceTerms.For(Licence);

    /// <summary>The sessions (already in board order) under the day they start on, on the event's wall clock.</summary>
    public IReadOnlyList<(string Day, IReadOnlyList<ProceedingsSession> Sessions)> Days() =>
        [.. Sessions.GroupBy(s => Common.EventTime.FormatDate(s.StartUtc, TimeZoneId))
            .Select(g => (g.Key, (IReadOnlyList<ProceedingsSession>)[.. g]))];
}
