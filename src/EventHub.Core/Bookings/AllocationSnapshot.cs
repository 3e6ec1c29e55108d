using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

/// <summary>Everything the allocator needs to know about the event, read before deciding.</summary>
public sealed record AllocationSnapshot
{
    public required EventStatus EventStatus { get; init; }

    public required DateTime EventStartUtc { get; init; }

    public DateTime? BookingOpensUtc { get; init; }

    public DateTime? BookingClosesUtc { get; init; }

    /// <summary>The event's zone: refusals about opening times name the time as people there read it.</summary>
    public string TimeZoneId { get; init; } = Common.EventTime.DefaultTimeZoneId;

    public required int Capacity { get; init; }

    public required int PlacesTaken { get; init; }

    public BookingSettings Settings { get; init; } = new();

    /// <summary>True when the event has ticket types, so one must be chosen.</summary>
    public bool HasTicketTypes { get; init; }

    /// <summary>How many ticket types the person booking can choose from (organisers see the hidden ones too).</summary>
    public int TicketTypesOffered { get; init; }

    /// <summary>The ticket type asked for; null when none was asked for or it does not belong to the event.</summary>
    public TicketSnapshot? Ticket { get; init; }

    public bool AlreadyBooked { get; init; }

    /// <summary>Whether the event has a settings row (else <see cref="Settings"/> holds the defaults).</summary>
    public bool HasOwnSettings { get; init; }
}
