using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists;

/// <summary>
/// Booking's seam for the mailing lists' priority links: valid for its own edition while that edition is published
/// and has not started (cancelling the edition withdraws every link).
/// </summary>
public sealed class ListPriority(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock) : IPriorityAccess
{
    public async Task<string?> HolderAsync(int eventId, string token, CancellationToken ct)
    {
        if (Common.SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<PriorityGrant>().AsNoTracking()
            .Where(g => g.TokenHash == hash && g.EventId == eventId
                && db.Events.Any(e => e.Id == eventId && e.Status == EventStatus.Published && e.StartUtc > now))
            .Select(g => g.Email).FirstOrDefaultAsync(ct);
    }
}
