namespace EventHub.Core.Bookings;

/// <summary>
/// What an organiser sets up for booking one event, as plain snapshots of its rows: the booking settings, every
/// registration question and every ticket type, each in list order. Held by <see cref="BookingSetupCache"/> and shared
/// between requests, so nobody may change these objects. A ticket type's places taken is as of loading and changes with
/// every booking: the booking path reads it live.
/// </summary>
/// <param name="EventCreatedUtc">When the event was created: an entry never answers for another event that took the same id.</param>
/// <param name="HasOwnSettings">Whether the event has a settings row (else <paramref name="Settings"/> holds the defaults).</param>
public sealed record BookingSetup(
    DateTime EventCreatedUtc, BookingSettings Settings, bool HasOwnSettings, IReadOnlyList<RegistrationQuestion> Questions,
    IReadOnlyList<TicketType> TicketTypes);
