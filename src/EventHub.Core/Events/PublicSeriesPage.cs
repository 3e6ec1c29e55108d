namespace EventHub.Core.Events;

public sealed record PublicSeriesPage(EventSeries Series, string DescriptionHtml, Common.PagedResult<EventCard> Upcoming, Common.PagedResult<EventCard> Past);
