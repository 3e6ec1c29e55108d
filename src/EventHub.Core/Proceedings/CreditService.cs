using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>
/// Names in the record: a write-up author's own link, and withdrawing a name, after which the author or convener shows
/// as <see cref="Credit.Participant"/> everywhere (session pages, the board, the book, its PDF and Markdown, the exports).
/// The name is overwritten, not hidden, so no later page or export can show it again.
/// </summary>
public sealed class CreditService(IDbContextFactory<EventHubDbContext> dbFactory, ISessionConveners conveners)
{
    /// <summary>The write-up a link was made for; null when the link is not one of ours.</summary>
    public async Task<WriteUpByLink?> WriteUpByLinkAsync(string? token, CancellationToken ct = default)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WriteUp>().AsNoTracking().Where(w => w.LinkHash == hash)
            .Join(db.Sessions, w => w.SessionId, s => s.Id, (w, s) => new WriteUpByLink(
                s.Event!.Slug, s.Event.Title, s.Id, s.Title, w.AuthorName, w.Status, w.CreditByName, w.AuthorName == Credit.Participant))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The author of a write-up withdraws their name from it, from their own link, once they confirm.</summary>
    public async Task<Outcome<bool>> WithdrawWriteUpNameAsync(string? token, bool confirmed, CancellationToken ct = default)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return Outcome<bool>.NotFound(ProceedingsErrors.WriteUpLinkNotValid);
        }

        if (!confirmed)
        {
            return Outcome<bool>.Refused(ProceedingsErrors.WithdrawNotConfirmed, "Confirm");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Set<WriteUp>().Where(w => w.LinkHash == hash).Select(w => (int?)w.EventId).FirstOrDefaultAsync(ct);
        if (eventId is null)
        {
            return Outcome<bool>.NotFound(ProceedingsErrors.WriteUpLinkNotValid);
        }

        db.PublishOnCommit(eventId.Value, LiveTopics.Public);
        await db.Set<WriteUp>().Where(w => w.LinkHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.AuthorName, Credit.Participant).SetProperty(w => w.CreditByName, false), ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// A ticket holder withdraws their name from the sessions they proposed, from their manage link, once they confirm:
    /// every proposal of theirs, the board, those sessions' speakers and their notes' convener section no longer name them.
    /// </summary>
    public async Task<Outcome<HolderNameWithdrawn>> WithdrawProposerNameAsync(string? manageToken, bool confirmed, CancellationToken ct = default)
    {
        if (!confirmed)
        {
            return Outcome<HolderNameWithdrawn>.Refused(ProceedingsErrors.WithdrawNotConfirmed, "Confirm");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await conveners.WithdrawHolderNameAsync(db, manageToken ?? string.Empty, ct) is not { } withdrawn)
        {
            return Outcome<HolderNameWithdrawn>.NotFound(ProceedingsErrors.ManageLinkNotValid);
        }

        var sessionIds = withdrawn.SessionIds;
        await db.Sessions.Where(s => sessionIds.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Speakers, Credit.Participant), ct);
        await db.Set<SessionNotes>().Where(n => sessionIds.Contains(n.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Convener, string.Empty).SetProperty(n => n.Revision, n => n.Revision + 1), ct);
        db.PublishOnCommit(withdrawn.EventId, LiveTopics.Public);
        db.PublishOnCommit(withdrawn.EventId, LiveTopics.Board);
        await tx.CommitAsync(ct);
        return Outcome<HolderNameWithdrawn>.Ok(withdrawn);
    }

    /// <summary>
    /// The convener withdraws their name from their session, from its notes link, once they confirm: the board, the
    /// session's speakers and the notes' convener section no longer name them.
    /// </summary>
    public async Task<Outcome<bool>> WithdrawConvenerNameAsync(EditorKey key, bool confirmed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await SessionAccess.ResolveAsync(db, key, ct) is not { } found)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.LinkNotValid);
        }

        if (!confirmed)
        {
            return Outcome<bool>.Refused(ProceedingsErrors.WithdrawNotConfirmed, "Confirm");
        }

        var (session, notes) = found;
        session.Speakers = Credit.Participant;
        notes.Convener = string.Empty;
        notes.Revision++;
        await db.SaveChangesAsync(ct);
        await conveners.WithdrawNameAsync(db, session.Id, ct);
        db.PublishOnCommit(session.EventId, LiveTopics.Public);
        db.PublishOnCommit(session.EventId, LiveTopics.Board);
        await tx.CommitAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
