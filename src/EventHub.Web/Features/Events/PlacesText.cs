using EventHub.Core.Bookings;
using EventHub.Core.Events;

namespace EventHub.Web.Features.Events;

/// <summary>
/// The words for places left, written once: the pages render them and the live stream sends them, so the script
/// that swaps them in knows no wording of its own.
/// </summary>
public static class PlacesText
{
    public const string FullyBooked = "Fully booked — join the waiting list";

    /// <summary>"12 of 80 places left", or <see cref="FullyBooked"/>.</summary>
    public static string Summary(int placesLeft, int capacity) =>
        placesLeft == 0 ? FullyBooked : $"{placesLeft} of {capacity} places left";

    /// <summary>"Online: 30 of 100 places left" for an online ticket type, whose places are apart from the room's.</summary>
    public static string Online(OnlinePlacesLeft online) =>
        $"{online.Name}: " + (online.PlacesLeft == 0 ? "online places fully booked — join its waiting list" : $"{online.PlacesLeft} of {online.Capacity} online places left");

    /// <summary>What the button to the booking form says.</summary>
    public static string Action(int placesLeft) => placesLeft == 0 ? "Join the waiting list" : "Book a place";

    public static PlacesUpdate For(EventPlaces places) =>
        new(places.PlacesLeft, Summary(places.PlacesLeft, places.Capacity), Action(places.PlacesLeft));
}

/// <summary>One message of the live stream: the number and the texts the page shows (keys match <c>data-places-text</c>).</summary>
public sealed record PlacesUpdate(int Left, string Summary, string Action);
