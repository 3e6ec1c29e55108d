using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>
/// The priority booking window as a pure rule. Between "priority booking opens" (or publication, when no such time
/// is set) and "booking opens", only people with a valid priority token may book; after that, everyone may.
/// </summary>
public static class BookingOpening
{
    public static Opening Decide(DateTime? generalOpensUtc, DateTime? priorityOpensUtc, PriorityClaim claim, DateTime nowUtc)
    {
        if (generalOpensUtc is not { } opens || nowUtc >= opens)
        {
            return Opening.Open;
        }

        return claim switch
        {
            PriorityClaim.Valid when priorityOpensUtc is { } early && nowUtc < early => Opening.PriorityNotOpenYet,
            PriorityClaim.Valid => Opening.OpenEarly,
            PriorityClaim.NotValid => Opening.PriorityLinkNotValid,
            _ => Opening.NotOpenYet,
        };
    }

    /// <summary>What the visitor is told, with the times in the event's zone, and what to do next.</summary>
    public static string Message(Opening opening, DateTime? generalOpensUtc, DateTime? priorityOpensUtc, string? timeZoneId)
    {
        var general = generalOpensUtc is { } g ? EventTime.FormatDateTime(g, timeZoneId) : null;
        return opening switch
        {
            Opening.NotOpenYet when general is not null => $"Booking opens {general}.",
            Opening.PriorityLinkNotValid when general is not null =>
                $"Your priority booking link is not valid for this event: check you used the whole link from your email. Booking opens to everyone {general}.",
            Opening.PriorityNotOpenYet when priorityOpensUtc is { } p && general is not null =>
                $"Priority booking opens {EventTime.FormatDateTime(p, timeZoneId)}. Come back then with the same link. Booking opens to everyone {general}.",
            Opening.OpenEarly when general is not null =>
                $"You are booking early with your priority link. Booking opens to everyone {general}.",
            _ => BookingErrors.For(opening).Message,
        };
    }
}
