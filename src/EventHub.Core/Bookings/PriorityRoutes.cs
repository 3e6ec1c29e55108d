namespace EventHub.Core.Bookings;

/// <summary>Where priority links point: the event's book page, carrying the token.</summary>
public static class PriorityRoutes
{
    public static string Book(string eventSlug, string token) => $"/events/{eventSlug}/book?priority={Uri.EscapeDataString(token)}";
}
