using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Mints manage links and finds the booking behind one. The raw token lives only in the mail that carries it
/// (its outbox payload and the sent message); the database keeps its hash.
/// </summary>
public static class ManageLinks
{
    /// <summary>Adds a new link for <paramref name="booking"/> (saved or still being added) to the caller's unit of work; returns its token.</summary>
    internal static string Mint(EventHubDbContext db, Booking booking, string purpose, DateTime now)
    {
        var token = SecureTokens.New();
        var link = new ManageLink { TokenHash = SecureTokens.Hash(token), Purpose = purpose, CreatedUtc = now };
        if (booking.Id == 0)
        {
            link.Booking = booking;
        }
        else
        {
            link.BookingId = booking.Id;
        }

        db.Add(link);
        return token;
    }

    /// <summary>Adds a new link for a saved booking to the caller's unit of work; returns its token.</summary>
    internal static string Mint(EventHubDbContext db, int bookingId, string purpose, DateTime now)
    {
        var token = SecureTokens.New();
        db.Add(new ManageLink { BookingId = bookingId, TokenHash = SecureTokens.Hash(token), Purpose = purpose, CreatedUtc = now });
        return token;
    }

    /// <summary>The bookings (none or one) a manage link leads to, looked up by the token's hash.</summary>
    public static IQueryable<Booking> WithManageToken(this IQueryable<Booking> bookings, EventHubDbContext db, string? token)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return bookings.Where(b => false);
        }

        var ids = db.Set<ManageLink>().Where(l => l.TokenHash == hash).Select(l => l.BookingId);
        return bookings.Where(b => ids.Contains(b.Id));
    }

    /// <summary>Deletes every link to the bookings <paramref name="bookingIds"/> names: they stop working at once.</summary>
    internal static Task<int> RevokeAsync(EventHubDbContext db, IReadOnlyCollection<int> bookingIds, CancellationToken ct) =>
        db.Set<ManageLink>().Where(l => bookingIds.Contains(l.BookingId)).ExecuteDeleteAsync(ct);
}
