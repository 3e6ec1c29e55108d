using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Polls;

/// <summary>
/// The query the Booking feature calls to let a poll voter book before general booking opens. A token is valid for
/// its own event while that event is published and has not started. Tokens are looked up by their SHA-256 hash.
/// </summary>
public sealed class PollPriority(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock) : IPriorityAccess
{
    /// <summary>Booking's seam: a Yes / If need be voter's token lets them, at the address it was sent to, book before booking opens to everyone.</summary>
    public async Task<string?> HolderAsync(int eventId, string token, CancellationToken ct) =>
        await FindAsync(eventId, token, ct) is { Email: { Length: > 0 } email } ? EmailAddresses.Normalise(email) : null;

    public async Task<bool> IsValidAsync(int eventId, string? token, CancellationToken ct = default) =>
        await FindAsync(eventId, token, ct) is not null;

    public async Task<PriorityHolder?> FindAsync(int eventId, string? token, CancellationToken ct = default)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The mailed link carries the priority token; the voter's own change-your-answers page links with its edit token.
        var found = await db.Set<PollPriorityToken>().AsNoTracking()
            .Where(t => t.EventId == eventId
                && (t.TokenHash == hash || db.Set<PollVoter>().Any(v => v.Id == t.VoterId && v.EditTokenHash == hash)))
            .Join(db.Events.Where(e => e.Status == EventStatus.Published && e.StartUtc > now), t => t.EventId, e => e.Id, (t, e) => t)
            .Select(t => new
            {
                t.EventId,
                Voter = db.Set<PollVoter>().Where(v => v.Id == t.VoterId).Select(v => new { v.Name, v.Email }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new PriorityHolder(found.EventId, found.Voter?.Name ?? string.Empty, found.Voter?.Email);
    }
}
