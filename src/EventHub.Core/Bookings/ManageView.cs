using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

/// <summary>Everything the manage page shows. <paramref name="JoiningUrl"/>: the online joining link, for a confirmed online place only.</summary>
public sealed record ManageView(
    Booking Booking, Event Event, IReadOnlyList<RegistrationQuestion> Questions, IReadOnlyList<Session> Sessions, int? WaitlistPosition,
    string? JoiningUrl = null);
