using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>
/// The outcome of a visitor's booking, and whether the event holds places until the address is confirmed. That is
/// said on a booking and on "already booked" alike, since the public page answers both with the same words.
/// </summary>
public sealed class BookingOutcome : Outcome<BookingResult>
{
    private BookingOutcome(Outcome<BookingResult> outcome, bool holdsUntilEmailConfirmed)
        : base(outcome)
    {
        HoldsUntilEmailConfirmed = holdsUntilEmailConfirmed;
    }

    /// <summary>The event holds a visitor's place only until they confirm their email address (its booking settings).</summary>
    public bool HoldsUntilEmailConfirmed { get; }

    internal static BookingOutcome Of(Outcome<BookingResult> outcome, bool holdsUntilEmailConfirmed) => new(outcome, holdsUntilEmailConfirmed);
}
