using EventHub.Core.Bookings;
using EventHub.Core.Events;

namespace EventHub.Web.Features.Events;

/// <summary>An event's places of every kind: the room's and each online type's (none for an event without online places).</summary>
public sealed record LivePlaces(EventPlaces Room, IReadOnlyList<OnlinePlacesLeft> Online);
