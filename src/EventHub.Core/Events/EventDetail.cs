namespace EventHub.Core.Events;

/// <summary>Everything an organiser edits on one event, with its rooms and sessions.</summary>
public sealed record EventDetail(Event Event, IReadOnlyList<Room> Rooms, IReadOnlyList<Session> Sessions)
{
    public AgendaGrid Agenda => AgendaGrid.Build(Rooms, Sessions, Event.TimeZoneId);
}
