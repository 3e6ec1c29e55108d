using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>The board's answer to <see cref="ISessionConveners"/>.</summary>
public sealed class SessionConveners(ISessionNotesLinks notesLinks, TimeProvider clock) : ISessionConveners
{
    public async Task WithdrawNameAsync(EventHubDbContext db, int sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<Proposal>().Where(p => p.SessionId == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConvenerName, Credit.Participant).SetProperty(p => p.CreditByName, false), ct);

        // The session's overflow copies carry the same name.
        var copies = db.Set<BoardCell>().Where(c => c.CopyOfSessionId == sessionId).Select(c => c.SessionId);
        await db.Sessions.Where(s => copies.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Speakers, Credit.Participant), ct);
        await db.Set<BoardCell>().Where(c => c.SessionId == sessionId || c.CopyOfSessionId == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConvenerName, Credit.Participant), ct);
        await db.Set<SessionHistoryEntry>().Where(h => h.SessionId == sessionId || copies.Contains(h.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ConvenerName, Credit.Participant), ct);
    }

    public async Task<HolderNameWithdrawn?> WithdrawHolderNameAsync(EventHubDbContext db, string manageToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(manageToken) || manageToken.Length > 64)
        {
            return null;
        }

        var booking = await db.Set<Booking>().AsNoTracking().WithManageToken(db, manageToken)
            .Select(b => new { b.Id, b.EventId }).FirstOrDefaultAsync(ct);
        if (booking is null)
        {
            return null;
        }

        var proposals = await db.Set<Proposal>().Where(p => p.ProposerBookingId == booking.Id).ToListAsync(ct);
        foreach (var proposal in proposals)
        {
            proposal.ConvenerName = Credit.Participant;
            proposal.CreditByName = false;
        }

        await db.SaveChangesAsync(ct);
        var sessionIds = proposals.Where(p => p.SessionId is not null).Select(p => p.SessionId!.Value).Distinct().ToList();
        foreach (var sessionId in sessionIds)
        {
            await WithdrawNameAsync(db, sessionId, ct);
        }

        return new HolderNameWithdrawn(booking.EventId, sessionIds);
    }

    public async Task<bool> MailNotesLinkAsync(EventHubDbContext db, Session session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(session);
        if (await BoardNotices.ConvenerAsync(db, session.Id, ct) is not { } convener)
        {
            return false;
        }

        var room = session.RoomId is { } roomId ? await db.Rooms.Where(r => r.Id == roomId).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        var token = await notesLinks.MintForMailAsync(db, session, OpenSpaceEmailTemplates.NotesLink, ct);
        Outbox.Enqueue(db, OpenSpaceEmailTemplates.NotesLink, convener.Email, convener.Name, new NotesLinkPayload
        {
            RecipientName = convener.Name, SessionTitle = session.Title, Room = room ?? string.Empty,
            StartUtc = session.StartUtc, EndUtc = session.EndUtc, NotesToken = token,
        }, clock.GetUtcNow().UtcDateTime, session.EventId);
        return true;
    }
}
