using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>
/// The seam through which features that hand out priority booking links (poll voters, mailing lists) tell Booking
/// whether a token lets its holder book before booking opens to everyone. Each feature registers its own.
/// </summary>
public interface IPriorityAccess
{
    /// <summary>True when <paramref name="token"/> is a live priority token for this event.</summary>
    Task<bool> AllowsAsync(int eventId, string token, CancellationToken ct);
}

/// <summary>What the visitor's priority token turned out to be.</summary>
public enum PriorityClaim
{
    /// <summary>No token given (or none needed: booking is already open to everyone).</summary>
    None = 0,
    Valid = 1,
    NotValid = 2,
}

/// <summary>Asks every registered <see cref="IPriorityAccess"/>; any one saying yes is enough.</summary>
public sealed class PriorityAccess(IEnumerable<IPriorityAccess> sources)
{
    /// <summary>Longer than any token we issue; anything longer is refused without a lookup.</summary>
    public const int MaxTokenLength = 64;

    public static PriorityAccess None { get; } = new([]);

    public async Task<PriorityClaim> ClaimAsync(int eventId, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return PriorityClaim.None;
        }

        token = token.Trim();
        if (token.Length > MaxTokenLength)
        {
            return PriorityClaim.NotValid;
        }

        foreach (var source in sources)
        {
            if (await source.AllowsAsync(eventId, token, ct))
            {
                return PriorityClaim.Valid;
            }
        }

        return PriorityClaim.NotValid;
    }
}

/// <summary>Where a visitor stands against the opening times, before capacity and eligibility are looked at.</summary>
public enum Opening
{
    Open = 0,

    /// <summary>Not open to everyone yet, but open to this visitor through their priority link.</summary>
    OpenEarly = 1,
    NotOpenYet = 2,

    /// <summary>The visitor's link is good, but the priority window has not started.</summary>
    PriorityNotOpenYet = 3,

    /// <summary>Not open to everyone yet, and the visitor's link is not valid for this event.</summary>
    PriorityLinkNotValid = 4,
}

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

    /// <summary>Maps a refusal onto the booking error catalogue's code.</summary>
    public static string ErrorCode(Opening opening) => opening switch
    {
        Opening.PriorityLinkNotValid => BookingError.PriorityLinkNotValid,
        Opening.PriorityNotOpenYet => BookingError.PriorityNotOpenYet,
        _ => BookingError.NotOpenYet,
    };

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
            _ => BookingError.Message(ErrorCode(opening)),
        };
    }
}

/// <summary>Where priority links point: the event's book page, carrying the token.</summary>
public static class PriorityRoutes
{
    public static string Book(string eventSlug, string token) => $"/events/{eventSlug}/book?priority={Uri.EscapeDataString(token)}";
}
