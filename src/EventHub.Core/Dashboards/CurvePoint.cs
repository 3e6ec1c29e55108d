namespace EventHub.Core.Dashboards;

/// <summary>
/// One step of the sell-out curve, in the event's time zone: bookings holding a place and people on the waiting list,
/// both counted from the opening up to the end of the step (<paramref name="LocalStart"/> plus one step).
/// </summary>
public sealed record CurvePoint(DateTime LocalStart, int Booked, int Waiting);
