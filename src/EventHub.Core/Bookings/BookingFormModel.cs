using EventHub.Core.Common;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

/// <summary>What the public booking form shows: the event, whether booking is open, and what to ask.</summary>
/// <param name="OpeningMessage">Set when a priority link decided the window: what the visitor is told about it.</param>
/// <param name="BookingEarly">True when booking is open only because of the visitor's priority link.</param>
public sealed record BookingFormModel(
    Event Event, BookingWindow Window, IReadOnlyList<TicketType> TicketTypes, IReadOnlyList<RegistrationQuestion> Questions,
    IReadOnlyList<Session> Sessions, BookingSettings Settings, string? OpeningMessage = null, bool BookingEarly = false)
{
    public bool IsFull => Event.PlacesTaken >= Event.Capacity;

    /// <summary>"Booking opens Monday 2 November 2026, 9am GMT." and the like.</summary>
    public string WindowMessage => OpeningMessage ?? Window switch
    {
        BookingWindow.NotOpenYet when Event.BookingOpensUtc is { } opens =>
            "Booking opens " + EventTime.FormatDateTime(opens, Event.TimeZoneId) + ".",
        BookingWindow.Closed => BookingErrors.Closed.Message,
        BookingWindow.NotAvailable => BookingErrors.NotAvailable.Message,
        _ => string.Empty,
    };
}
