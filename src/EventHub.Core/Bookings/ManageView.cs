using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

/// <summary>Everything the manage page shows.</summary>
public sealed record ManageView(Booking Booking, Event Event, IReadOnlyList<RegistrationQuestion> Questions, IReadOnlyList<Session> Sessions, int? WaitlistPosition);
