namespace EventHub.Core.Dashboards;

/// <summary>Bookings made in one UTC hour, as the database counts them: those now holding a place and those now waiting.</summary>
public sealed record HourCount(DateTime HourUtc, int Booked, int Waiting);
