namespace EventHub.Core.Events;

public sealed record EventCard(
    int Id, string Title, string Slug, DateTime StartUtc, DateTime EndUtc, string TimeZoneId, string VenueName, bool IsOnline,
    EventStatus Status, int Capacity, int PlacesTaken)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}
