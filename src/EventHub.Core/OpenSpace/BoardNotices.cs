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

    /// <summary>Tells everyone interested in a session that moved where it is now.</summary>
    public static async Task TellInterestedAsync(EventHubDbContext db, Session session, SessionPlace before, DateTime now, CancellationToken ct)
    {
        var marks = await db.Set<InterestMark>().AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync(ct);
        if (marks.Count == 0)
        {
            return;
        }

        var after = await DescribeAsync(db, session, ct);
        foreach (var mark in marks)
        {
            Notify(db, OpenSpaceEmailTemplates.SessionMoved, mark, session, before, after, mergedInto: null, now);
        }
    }

    public static void Notify(EventHubDbContext db, string template, InterestMark mark, Session session, SessionPlace before, SessionPlace after, string? mergedInto, DateTime now)
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
            OldRoom = before.Room,
            OldStartUtc = before.StartUtc,
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
