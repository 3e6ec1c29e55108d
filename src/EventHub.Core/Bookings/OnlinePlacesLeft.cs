namespace EventHub.Core.Bookings;

/// <summary>One online ticket type's places: its own capacity and how many are taken.</summary>
public sealed record OnlinePlacesLeft(int TicketTypeId, string Name, int Capacity, int PlacesTaken)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}
