using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>Where a session is or was: its room's name and start, as a message tells it.</summary>
internal readonly record struct SessionPlace(string Room, DateTime? StartUtc);

/// <summary>
/// What a board change leaves behind besides the board: a history line for the session, and a message in the outbox
/// for each person who said they would like to go.
/// </summary>
internal static class BoardNotices
{
    public static async Task<SessionPlace> DescribeAsync(EventHubDbContext db, Session session, CancellationToken ct)
    {
        var roomName = session.RoomId is { } rid
            ? await db.Rooms.Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : null;
        return new SessionPlace(roomName ?? "no room", session.StartUtc);
    }

    /// <summary>
    /// Tells the convener of a session that moved (the walk-in's email, or the ticket holder who proposed it) and
    /// everyone interested in it where it is now; a convener who also marked interest gets the convener's message only.
    /// </summary>
    public static Task TellInterestedAsync(EventHubDbContext db, Session session, SessionPlace before, DateTime now, CancellationToken ct) =>
        TellAsync(db, session, before, after: null, OpenSpaceEmailTemplates.ConvenerSessionMoved, OpenSpaceEmailTemplates.SessionMoved, now, ct);

    /// <summary>
    /// Tells the convener and everyone interested in a session what changed, with the convener's template and the
    /// interested people's; <paramref name="after"/> is where it is now (read from the session when null).
    /// </summary>
    public static async Task TellAsync(
        EventHubDbContext db, Session session, SessionPlace? before, SessionPlace? after, string convenerTemplate, string interestedTemplate,
        DateTime now, CancellationToken ct)
    {
        var marks = await db.Set<InterestMark>().AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync(ct);
        var convener = await ConvenerAsync(db, session.Id, ct);
        if (marks.Count == 0 && convener is null)
        {
            return;
        }

        var place = after ?? await DescribeAsync(db, session, ct);
        if (convener is { } c)
        {
            Notify(db, convenerTemplate, new InterestMark { SessionId = session.Id, Name = c.Name, Email = c.Email }, session, before, place, mergedInto: null, now);
        }

        foreach (var mark in marks.Where(m => !string.Equals(m.Email, convener?.Email, StringComparison.OrdinalIgnoreCase)))
        {
            Notify(db, interestedTemplate, mark, session, before, place, mergedInto: null, now);
        }
    }

    /// <summary>Who to tell about the session as its convener: the email a walk-in gave, else the proposing ticket holder's.</summary>
    internal static async Task<(string Name, string Email)?> ConvenerAsync(EventHubDbContext db, int sessionId, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.SessionId == sessionId && p.Status == ProposalStatus.Placed)
            .Select(p => new
            {
                p.ConvenerName, p.ConvenerEmail,
                Holder = db.Set<Bookings.Booking>().Where(b => b.Id == p.ProposerBookingId && b.Status == Bookings.BookingStatus.Confirmed)
                    .Select(b => new { b.Name, b.Email }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return proposal switch
        {
            { ConvenerEmail: { Length: > 0 } email } => (proposal.ConvenerName, email),
            { Holder: { } holder } => (holder.Name, holder.Email),
            _ => null,
        };
    }

    public static void Notify(EventHubDbContext db, string template, InterestMark mark, Session session, SessionPlace? before, SessionPlace after, string? mergedInto, DateTime now)
    {
        if (string.IsNullOrEmpty(mark.Email))
        {
            return;
        }

        Outbox.Enqueue(db, template, mark.Email, mark.Name, new SessionChangedPayload
        {
            SessionId = session.Id,
            SessionTitle = session.Title,
            RecipientName = mark.Name,
            OldRoom = before?.Room,
            OldStartUtc = before?.StartUtc,
            NewRoom = after.Room,
            NewStartUtc = after.StartUtc,
            NewEndUtc = session.EndUtc,
            MergedIntoTitle = mergedInto,
        }, now, session.EventId);
    }

    public static SessionHistoryEntry History(int sessionId, SessionHistoryKind kind, string title, string convener, string detail, Actor actor, DateTime now) =>
        new()
        {
            SessionId = sessionId,
            Kind = kind,
            Title = OpenSpaceRules.Truncate(title, OpenSpaceRules.MaxTitleLength),
            ConvenerName = OpenSpaceRules.Truncate(convener, OpenSpaceRules.MaxNameLength),
            Detail = OpenSpaceRules.Truncate(detail, 500),
            ByName = OpenSpaceRules.Truncate(actor.DisplayName, OpenSpaceRules.MaxNameLength),
            AtUtc = now,
        };
}
