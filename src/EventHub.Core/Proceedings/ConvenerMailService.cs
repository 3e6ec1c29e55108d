using System.Diagnostics;
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
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlyMailLink);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (await ProceedingsAccess.CheckRowAsync(db, actor, session?.EventId, ProceedingsErrors.SessionNotFound, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        Debug.Assert(session is not null, "The check above refuses a session that does not exist.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await conveners.MailNotesLinkAsync(db, session, ct))
        {
            return Outcome<bool>.Refused(ProceedingsErrors.NoConvenerAddress);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
