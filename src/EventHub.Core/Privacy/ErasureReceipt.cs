namespace EventHub.Core.Privacy;

/// <summary>What an erasure did: bookings anonymised, places handed on to the waiting list, other records cleared.</summary>
public sealed record ErasureReceipt(int Bookings, int PlacesFreed, int OtherRecords);
