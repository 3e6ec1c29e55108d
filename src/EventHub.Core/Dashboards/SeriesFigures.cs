namespace EventHub.Core.Dashboards;

/// <summary>The editions of a series side by side, oldest first.</summary>
public sealed record SeriesFigures(int SeriesId, string Name, string Slug, IReadOnlyList<EditionFigures> Editions);
