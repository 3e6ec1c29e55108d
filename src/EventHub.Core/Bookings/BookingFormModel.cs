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
    /// <summary>
    /// The event's online places (each type's own capacity), read live, with a hidden type shown by its secret link;
    /// empty for an event without them.
    /// </summary>
    public IReadOnlyList<OnlinePlacesLeft> Online { get; init; } = [];

    /// <summary>The room is full (an in-person booking joins the waiting list).</summary>
    public bool RoomIsFull => Event.PlacesTaken >= Event.Capacity;

    /// <summary>Every kind of place is taken: the room and each online type.</summary>
    public bool IsFull => RoomIsFull && Online.All(o => o.PlacesLeft == 0);

    /// <summary>Whether a booking of this ticket type would join a waiting list: its online places, or the room's.</summary>
    public bool IsFullFor(int? ticketTypeId) =>
        ticketTypeId is { } id && Online.FirstOrDefault(o => o.TicketTypeId == id) is { } online ? online.PlacesLeft == 0 : RoomIsFull;

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
