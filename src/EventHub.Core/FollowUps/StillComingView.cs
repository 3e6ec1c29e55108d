using EventHub.Core.Bookings;

namespace EventHub.Core.FollowUps;

/// <summary>What the "still coming?" pages show.</summary>
public sealed record StillComingView(string AttendeeName, string EventTitle, string When, BookingStatus Status, DateTime? KeptUtc);
