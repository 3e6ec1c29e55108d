namespace EventHub.Core.Events;

/// <summary>Places left on a public event, for the live "places left" stream. <see cref="Open"/>: published, so bookable.</summary>
public sealed record EventPlaces(int EventId, int Capacity, int PlacesTaken, bool Open)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}
