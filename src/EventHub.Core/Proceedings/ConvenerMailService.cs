using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>
/// From the after-the-day page: mail a session's convener a new notes link. The convener's address is the board's
/// (<see cref="ISessionConveners"/>); the link is minted into that one mail, and links made before keep working.
/// </summary>
public sealed class ConvenerMailService(IDbContextFactory<EventHubDbContext> dbFactory, ISessionConveners conveners)
{
    public async Task<Outcome<bool>> MailNotesLinkAsync(Actor actor, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var check = await ProceedingsAccess.SessionAsync(db, actor, sessionId, ProceedingsErrors.OrganisersOnlyMailLink, ct);
        if (!check.Allowed)
        {
            return Outcome<bool>.Refused(check.Refusal);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await conveners.MailNotesLinkAsync(db, check.Session, ct))
        {
            return Outcome<bool>.Refused(ProceedingsErrors.NoConvenerAddress);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
