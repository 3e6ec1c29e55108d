using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>The board's answer to <see cref="ISessionConveners"/>.</summary>
public sealed class SessionConveners : ISessionConveners
{
    public async Task WithdrawNameAsync(EventHubDbContext db, int sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<Proposal>().Where(p => p.SessionId == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConvenerName, Credit.Participant).SetProperty(p => p.CreditByName, false), ct);
        await db.Set<BoardCell>().Where(c => c.SessionId == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConvenerName, Credit.Participant), ct);
        await db.Set<SessionHistoryEntry>().Where(h => h.SessionId == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ConvenerName, Credit.Participant), ct);
    }
}
