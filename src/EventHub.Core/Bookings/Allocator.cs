using EventHub.Core.Common;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

public enum AllocationDecision
{
    Confirmed,
    Waitlisted,
    PendingApproval,
    Refused,
}

/// <summary>The allocator's answer; <see cref="RefusalCode"/> is a <see cref="BookingError"/> code when refused.</summary>
public sealed record Allocation(AllocationDecision Decision, string? RefusalCode = null)
{
    public static Allocation Confirmed { get; } = new(AllocationDecision.Confirmed);

    public static Allocation Waitlisted { get; } = new(AllocationDecision.Waitlisted);

    public static Allocation PendingApproval { get; } = new(AllocationDecision.PendingApproval);

    public static Allocation Refused(string code) => new(AllocationDecision.Refused, code);
}

/// <summary>The ticket type asked for, as it stood when the snapshot was read.</summary>
public sealed record TicketSnapshot(int Id, int? Quota, int PlacesTaken, bool Hidden, string? SecretToken)
{
    public bool HasRoom => Quota is null || PlacesTaken < Quota;
}

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

    /// <summary>The ticket type asked for; null when none was asked for or it does not belong to the event.</summary>
    public TicketSnapshot? Ticket { get; init; }

    public bool AlreadyBooked { get; init; }

    /// <summary>Whether the event has a settings row (else <see cref="Settings"/> holds the defaults).</summary>
    public bool HasOwnSettings { get; init; }
}

/// <param name="Priority">What the visitor's priority token is worth; looked up only while booking is not open to everyone.</param>
public sealed record AllocationRequest(
    string Email, int? TicketTypeId = null, string? TicketSecret = null, bool ByOrganiser = false, PriorityClaim Priority = PriorityClaim.None);

/// <summary>
/// Decides who gets a place, from a snapshot and the time alone. The service then makes the decision stick with
/// conditional updates; if another booking took the last place in between, it falls back to the waiting list.
/// </summary>
public static class Allocator
{
    public static Allocation Decide(AllocationSnapshot snapshot, AllocationRequest request, DateTime nowUtc)
    {
        if (!request.ByOrganiser)
        {
            if (snapshot.EventStatus != EventStatus.Published)
            {
                return Allocation.Refused(snapshot.EventStatus is EventStatus.Cancelled or EventStatus.Completed
                    ? BookingError.Closed
                    : BookingError.NotAvailable);
            }

            var opening = BookingOpening.Decide(snapshot.BookingOpensUtc, snapshot.Settings.PriorityOpensUtc, request.Priority, nowUtc);
            if (opening is not (Opening.Open or Opening.OpenEarly))
            {
                return Allocation.Refused(BookingOpening.ErrorCode(opening));
            }

            if ((snapshot.BookingClosesUtc is { } closes && nowUtc >= closes) || nowUtc >= snapshot.EventStartUtc)
            {
                return Allocation.Refused(BookingError.Closed);
            }
        }
        else if (snapshot.EventStatus is EventStatus.Cancelled or EventStatus.Completed)
        {
            return Allocation.Refused(BookingError.Closed);
        }

        if (request.TicketTypeId is not null && snapshot.Ticket is null)
        {
            return Allocation.Refused(BookingError.TicketTypeUnavailable);
        }

        if (snapshot.HasTicketTypes && snapshot.Ticket is null)
        {
            return Allocation.Refused(BookingError.TicketTypeUnavailable);
        }

        if (snapshot.Ticket is { Hidden: true } hidden && !request.ByOrganiser
            && !SecureTokens.FixedTimeEquals(hidden.SecretToken, request.TicketSecret))
        {
            return Allocation.Refused(BookingError.TicketTypeUnavailable);
        }

        if (snapshot.AlreadyBooked)
        {
            return Allocation.Refused(BookingError.AlreadyBooked);
        }

        if (!request.ByOrganiser)
        {
            switch (snapshot.Settings.Eligibility)
            {
                case EligibilityMode.ApprovalRequired:
                    return Allocation.PendingApproval;
                case EligibilityMode.AllowedDomains when !BookingRules.DomainAllowed(request.Email, snapshot.Settings.AllowedDomainList):
                    return snapshot.Settings.OutsideDomain == OutsideDomainAction.RequestApproval
                        ? Allocation.PendingApproval
                        : Allocation.Refused(BookingError.NotEligible);
            }
        }

        return HasRoom(snapshot.Capacity, snapshot.PlacesTaken, snapshot.Ticket) ? Allocation.Confirmed : Allocation.Waitlisted;
    }

    public static bool HasRoom(int capacity, int placesTaken, TicketSnapshot? ticket) =>
        placesTaken < capacity && (ticket is null || ticket.HasRoom);
}
