using System.Text.Json.Serialization;
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

    /// <summary>The <c>data-places-text</c> key of an online ticket type's line.</summary>
    public static string OnlineKey(int ticketTypeId) => $"online-{ticketTypeId}";

    /// <summary>What the button to the booking form says, given the places left of every kind.</summary>
    public static string Action(int placesLeft) => placesLeft == 0 ? "Join the waiting list" : "Book a place";

    /// <summary>
    /// A listing's badge: "12 places left", or for an event with online places each kind ("Fully booked in person,
    /// 30 online places left"). Null when every place is taken (the listing then shows "Fully booked").
    /// </summary>
    public static string? Badge(int roomLeft, IReadOnlyList<OnlinePlacesLeft> online)
    {
        if (online.Count == 0)
        {
            return roomLeft == 0 ? null : $"{roomLeft} {Places(roomLeft)} left";
        }

        var onlineLeft = online.Sum(o => o.PlacesLeft);
        if (roomLeft == 0 && onlineLeft == 0)
        {
            return null;
        }

        var room = roomLeft == 0 ? "Fully booked in person" : $"{roomLeft} {Places(roomLeft)} left in person";
        var remote = onlineLeft == 0 ? "online fully booked" : $"{onlineLeft} online {Places(onlineLeft)} left";
        return $"{room}, {remote}";
    }

    /// <summary>One message of the stream; an event without online places sends no "online" member at all.</summary>
    public static PlacesUpdate For(EventPlaces room, IReadOnlyList<OnlinePlacesLeft> online) =>
        new(room.PlacesLeft, Summary(room.PlacesLeft, room.Capacity), Action(room.PlacesLeft + online.Sum(o => o.PlacesLeft)),
            online.Count == 0 ? null : online.ToDictionary(o => OnlineKey(o.TicketTypeId), Online));

    private static string Places(int n) => n == 1 ? "place" : "places";
}

/// <summary>
/// One message of the live stream: the room's places left and the texts the page shows (keys match
/// <c>data-places-text</c>; <see cref="Online"/> holds each online type's line by <see cref="PlacesText.OnlineKey"/>).
/// </summary>
public sealed record PlacesUpdate(
    int Left, string Summary, string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Online)
{
    public bool Equals(PlacesUpdate? other) =>
        other is not null && Left == other.Left && Summary == other.Summary && Action == other.Action
        && (Online?.Count ?? 0) == (other.Online?.Count ?? 0)
        && (Online is null || Online.All(kv => other.Online!.TryGetValue(kv.Key, out var text) && text == kv.Value));

    public override int GetHashCode() => HashCode.Combine(Left, Summary, Action, Online?.Count ?? 0);
}
