namespace EventHub.Core.Events;

public sealed record EventListRow(
    int Id, string Title, string Slug, string? SeriesName, EventStatus Status, EventKind Kind,
    DateTime StartUtc, string TimeZoneId, int Capacity, int PlacesTaken);
