namespace EventHub.Core.Dashboards;

/// <summary>
/// What an event's dashboard shows: places taken against capacity, checked in against confirmed, the sell-out
/// curve with the waiting list, and the organisations (email domains) that hold confirmed places. <see cref="Waiting"/>
/// is the list now; <see cref="WaitingPeak"/> the most it has held at once. <see cref="Confirmed"/> and
/// <see cref="CheckedIn"/> count places in the room; <see cref="OnlineConfirmed"/> the confirmed online places, which
/// never come through the door and so are never no-shows. <see cref="OnlinePlaces"/> is set on a hybrid event only.
/// </summary>
public sealed record EventFigures(
    int EventId,
    string TimeZoneId,
    int Capacity,
    int PlacesTaken,
    int Confirmed,
    int CheckedIn,
    int Waiting,
    int WaitingPeak,
    CurveStep Step,
    IReadOnlyList<CurvePoint> Curve,
    IReadOnlyList<DomainCount> Organisations,
    int OnlineConfirmed = 0,
    OnlinePlacesTaken? OnlinePlaces = null)
{
    public int NoShows => Math.Max(0, Confirmed - CheckedIn);
}
