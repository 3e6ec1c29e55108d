namespace EventHub.Core.CheckIn;

public sealed record CheckInCounts(int CheckedIn, int Confirmed);
