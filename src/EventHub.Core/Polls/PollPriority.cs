using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Polls;

/// <summary>
/// The query the Booking feature calls to let a poll voter book before general booking opens. A token is valid for
/// its own event while that event is published and has not started.
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
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Set<PollPriorityToken>().AsNoTracking()
            .Where(t => t.Token == token && t.EventId == eventId)
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
