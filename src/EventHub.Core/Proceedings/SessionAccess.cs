using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>
/// Who may edit a session's record: an organiser whose role lets them edit the session's event, or anyone holding
/// one of the session's private notes links (<see cref="NotesLinks"/>, looked up by hash). Ids are never enough on their own.
/// </summary>
internal static class SessionAccess
{
    public static async Task<SessionNotes> EnsureNotesAsync(EventHubDbContext db, Session session, CancellationToken ct)
    {
        var notes = await db.Set<SessionNotes>().FirstOrDefaultAsync(n => n.SessionId == session.Id, ct);
        if (notes is null)
        {
            notes = new SessionNotes
            {
                SessionId = session.Id,
                Convener = session.Speakers,
            };
            db.Add(notes);
            await db.SaveChangesAsync(ct);
        }

        return notes;
    }

    /// <summary>The session the token opens; null when it opens nothing.</summary>
    public static async Task<(Session Session, SessionNotes Notes)?> ByTokenAsync(EventHubDbContext db, string? token, CancellationToken ct)
    {
        var sessionIds = NotesLinks.SessionFor(db, token);
        var session = await db.Sessions.FirstOrDefaultAsync(s => sessionIds.Contains(s.Id), ct);
        return session is null ? null : (session, await EnsureNotesAsync(db, session, ct));
    }

    /// <summary>
    /// Why an organiser naming a session may not edit its record, in the words of their role (the session could not be
    /// found, or the role does not allow it); null for a private link, whose holder is told the link is not valid.
    /// </summary>
    public static async Task<Refusal?> OrganiserRefusalAsync(EventHubDbContext db, EditorKey key, CancellationToken ct)
    {
        if (key.Token is not null || key.SessionId is not { } id || !key.Actor.IsOrganiser)
        {
            return null;
        }

        var eventId = await db.Sessions.Where(s => s.Id == id).Select(s => (int?)s.EventId).FirstOrDefaultAsync(ct);
        return await ProceedingsAccess.CheckRowAsync(db, key.Actor, eventId, ProceedingsErrors.SessionNotFound, ct);
    }

    /// <summary>Resolves either an organiser's session id (checking their role on its event) or a private token to a session they may edit.</summary>
    public static async Task<(Session Session, SessionNotes Notes)?> ResolveAsync(EventHubDbContext db, EditorKey key, CancellationToken ct)
    {
        if (key.Token is not null)
        {
            var byToken = await ByTokenAsync(db, key.Token, ct);
            return byToken is { } t && (key.SessionId is null || key.SessionId == t.Session.Id) ? byToken : null;
        }

        if (key.Actor.IsOrganiser && key.SessionId is { } id)
        {
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, ct);
            return session is null || !await ProceedingsAccess.MayAsync(db, key.Actor, session.EventId, ct)
                ? null
                : (session, await EnsureNotesAsync(db, session, ct));
        }

        return null;
    }
}

/// <summary>Who is editing a session's record: an organiser naming a session, or the holder of its private link.</summary>
public sealed record EditorKey(Actor Actor, int? SessionId, string? Token)
{
    public static EditorKey ForToken(string token, string? name = null) => new(Actor.Anonymous with { DisplayName = name ?? "Private link" }, null, token);

    public static EditorKey ForOrganiser(Actor actor, int sessionId) => new(actor, sessionId, null);
}
