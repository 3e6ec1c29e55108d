using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>A booking the allocator has said yes (or "waiting list") to, ready to be written.</summary>
/// <param name="HeldUntilUtc">Set for a <see cref="BookingStatus.Held"/> booking: when the place goes back unless the address is confirmed.</param>
/// <param name="Kind">The chosen ticket type's name and kind of place, from the event's set-up (the writer reads no ticket type).</param>
/// <param name="HasOnlinePlaces">The event has online ticket types, so a waiting-list position counts only those waiting for the same kind.</param>
internal sealed record PendingBooking(
    int EventId, BookingForm Form, string NormalisedEmail, BookingStatus Status, DateTime NowUtc,
    IReadOnlyList<RegistrationQuestion> Questions, IReadOnlyList<int> SessionIds, string? PriorityTokenHash = null, DateTime? HeldUntilUtc = null,
    PlaceKind Kind = default, bool HasOnlinePlaces = false)
{
    public TaskCompletionSource<Outcome<BookingResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
