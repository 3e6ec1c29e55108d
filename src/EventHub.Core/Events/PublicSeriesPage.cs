namespace EventHub.Core.Events;

public sealed record PublicSeriesPage(EventSeries Series, string DescriptionHtml, IReadOnlyList<EventCard> Upcoming, IReadOnlyList<EventCard> Past);
