using EventHub.Core.Bookings;
using EventHub.Core.Common;

namespace EventHub.Core.CheckIn;

/// <summary>What the door shows after a scan. Never carries access or dietary details, only whether there are any.</summary>
public sealed record CheckInResult(
    CheckInStatus Status,
    string Code,
    string Message,
    int? BookingId = null,
    string? Name = null,
    string? Organisation = null,
    string? TicketType = null,
    bool NeedsAttention = false,
    DateTime? CheckedInUtc = null,
    string? CheckedInBy = null)
{
    public const string CheckedInCode = "checked_in";
    public const string AlreadyCheckedInCode = "already_checked_in";

    public static CheckInResult Refused(CheckInStatus status, Refusal refusal) => new(status, refusal.Code, refusal.Message);
}
