namespace EventHub.Core.Events;

public sealed record SeriesSummary(int Id, string Name, string Slug, string Description, int EditionCount);
