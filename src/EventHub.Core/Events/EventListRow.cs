using EventHub.Core.Events.Access;

namespace EventHub.Core.Events;

/// <summary>One event in the organiser's list; <see cref="MyRole"/> is the actor's own place on its team (or its series'), if any.</summary>
public sealed record EventListRow(
    int Id, string Title, string Slug, string? SeriesName, EventStatus Status, EventKind Kind,
    DateTime StartUtc, string TimeZoneId, int Capacity, int PlacesTaken, TeamRole? MyRole = null);
