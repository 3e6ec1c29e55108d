using EventHub.Core.Common;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings;

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
                    ? BookingErrors.Closed
                    : BookingErrors.NotAvailable);
            }

            var opening = BookingOpening.Decide(snapshot.BookingOpensUtc, snapshot.Settings.PriorityOpensUtc, request.Priority, nowUtc);
            if (opening is not (Opening.Open or Opening.OpenEarly))
            {
                return Allocation.Refused(BookingErrors.For(opening));
            }

            if (nowUtc >= EventRules.BookingClosesAt(snapshot.BookingClosesUtc, snapshot.EventStartUtc))
            {
                return Allocation.Refused(BookingErrors.Closed);
            }
        }
        else if (snapshot.EventStatus is EventStatus.Cancelled or EventStatus.Completed)
        {
            return Allocation.Refused(BookingErrors.Closed);
        }

        if (request.TicketTypeId is not null && snapshot.Ticket is null)
        {
            return Allocation.Refused(BookingErrors.TicketTypeUnavailable);
        }

        if (snapshot.HasTicketTypes && snapshot.Ticket is null)
        {
            return Allocation.Refused(BookingErrors.TicketTypeUnavailable);
        }

        if (snapshot.Ticket is { Hidden: true } hidden && !request.ByOrganiser
            && !SecureTokens.FixedTimeEquals(hidden.SecretToken, request.TicketSecret))
        {
            return Allocation.Refused(BookingErrors.TicketTypeUnavailable);
        }

        if (snapshot.AlreadyBooked)
        {
            return Allocation.Refused(BookingErrors.AlreadyBooked);
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
                        : Allocation.Refused(BookingErrors.NotEligible);
            }
        }

        return HasRoom(snapshot.Capacity, snapshot.PlacesTaken, snapshot.Ticket) ? Allocation.Confirmed : Allocation.Waitlisted;
    }

    /// <summary>An online ticket has its own capacity (its quota); every other place also needs room in the event.</summary>
    public static bool HasRoom(int capacity, int placesTaken, TicketSnapshot? ticket) =>
        ticket is { Attendance: Attendance.Online } online ? online.HasRoom : placesTaken < capacity && (ticket is null || ticket.HasRoom);
}
