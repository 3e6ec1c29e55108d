using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>
/// Keeps a merged session's record: deleting the absorbed session cascades to its record, so its materials and
/// write-ups move to the session that stays, and its notes are added under a heading (or become the notes, with their
/// private link, when there were none).
/// </summary>
public sealed class SessionRecordMerge : ISessionMergeObserver
{
    public async Task SessionMergingAsync(EventHubDbContext db, Session gone, Session keep, CancellationToken ct)
    {
        // The absorbed session's notes links now open the session that stays.
        await db.Set<NotesLink>().Where(l => l.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.SessionId, keep.Id), ct);
        await db.Set<Material>().Where(m => m.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.SessionId, keep.Id), ct);
        await db.Set<WriteUp>().Where(w => w.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.SessionId, keep.Id), ct);

        var goneNotes = await db.Set<SessionNotes>().FirstOrDefaultAsync(n => n.SessionId == gone.Id, ct);
        if (goneNotes is null)
        {
            return;
        }

        var keepNotes = await db.Set<SessionNotes>().FirstOrDefaultAsync(n => n.SessionId == keep.Id, ct);
        if (keepNotes is null)
        {
            // The key cannot change on a tracked row: re-key it in the database, keeping the convener's link working.
            await db.Set<SessionNotes>().Where(n => n.SessionId == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.SessionId, keep.Id), ct);
            db.Entry(goneNotes).State = EntityState.Detached;
            return;
        }

        var heading = await HeadingAsync(db, gone, keep, ct);
        keepNotes.Convener = Texts.Truncate(JoinNames(keepNotes.Convener, goneNotes.Convener), ProceedingsRules.MaxShortSection);
        keepNotes.Participants = Join(keepNotes.Participants, goneNotes.Participants, "\n", ProceedingsRules.MaxSection);
        keepNotes.KeyPoints = Append(keepNotes.KeyPoints, heading, goneNotes.KeyPoints);
        keepNotes.Actions = Append(keepNotes.Actions, heading, goneNotes.Actions);
        keepNotes.Links = Append(keepNotes.Links, heading, goneNotes.Links);
        keepNotes.HideConvenerName |= goneNotes.HideConvenerName;
        keepNotes.Revision++;

        static string Join(string a, string b, string separator, int max) =>
            Texts.Truncate(string.IsNullOrWhiteSpace(b) ? a : string.IsNullOrWhiteSpace(a) ? b : a.TrimEnd() + separator + b.Trim(), max);

        static string Append(string mine, string heading, string theirs) =>
            string.IsNullOrWhiteSpace(theirs)
                ? mine
                : Texts.Truncate((string.IsNullOrWhiteSpace(mine) ? string.Empty : mine.TrimEnd() + "\n\n") + "### " + heading + "\n\n" + theirs.Trim(),
                    ProceedingsRules.MaxSection);
    }

    /// <summary>
    /// Where the added notes came from. A copy closed back into its session (an overflow room) has the same title, so
    /// the room tells the two conversations apart.
    /// </summary>
    internal static async Task<string> HeadingAsync(EventHubDbContext db, Session gone, Session keep, CancellationToken ct)
    {
        if (!string.Equals(gone.Title.Trim(), keep.Title.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "From \"" + gone.Title + "\"";
        }

        var room = gone.RoomId is { } id ? await db.Rooms.Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        return room is null ? "From the session’s other room" : "From the session in " + room;
    }

    /// <summary>What stands between two sessions' convener texts once merged: a comma belongs to what people type ("Ann, library").</summary>
    internal const string NamesSeparator = "; ";

    /// <summary>
    /// Both sessions' conveners, each once (a copy usually has the same convener). Each side's text is kept whole, as
    /// typed: only an earlier merge's <see cref="NamesSeparator"/> divides it, never a comma.
    /// </summary>
    internal static string JoinNames(string mine, string theirs)
    {
        var names = new List<string>();
        foreach (var name in (mine + NamesSeparator + theirs).Split(NamesSeparator.Trim(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return string.Join(NamesSeparator, names);
    }
}
