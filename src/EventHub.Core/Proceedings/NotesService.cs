using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>Session notes: the private link, loading the notes page and autosaving it.</summary>
public sealed class NotesService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Makes a new private notes link for a session and answers its token, to be shown once (those who edit the event
    /// put it on the session's card). Only its hash is kept; links made before keep working.
    /// </summary>
    public Task<Outcome<string>> CreateLinkAsync(Actor actor, int sessionId, CancellationToken ct = default) =>
        MintLinkAsync(actor, sessionId, revokeOthers: false, ct);

    /// <summary>Replaces every notes link to a session (those shown and those mailed) with one new one: the old ones stop at once.</summary>
    public Task<Outcome<string>> ReissueLinkAsync(Actor actor, int sessionId, CancellationToken ct = default) =>
        MintLinkAsync(actor, sessionId, revokeOthers: true, ct);

    /// <summary>For each session of the event that has notes links: how many work and when the newest was made.</summary>
    public async Task<IReadOnlyDictionary<int, NotesLinkState>> LinkStatesAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!actor.IsOrganiser || !await ProceedingsAccess.MayAsync(db, actor, eventId, ct))
        {
            return new Dictionary<int, NotesLinkState>();
        }

        var sessions = db.Sessions.Where(s => s.EventId == eventId).Select(s => s.Id);
        return await db.Set<NotesLink>().AsNoTracking().Where(l => sessions.Contains(l.SessionId))
            .GroupBy(l => l.SessionId)
            .Select(g => new NotesLinkState(g.Key, g.Count(), g.Max(l => l.CreatedUtc)))
            .ToDictionaryAsync(s => s.SessionId, ct);
    }

    private async Task<Outcome<string>> MintLinkAsync(Actor actor, int sessionId, bool revokeOthers, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var check = await ProceedingsAccess.SessionAsync(db, actor, sessionId, ProceedingsErrors.LinkNotValid, ct);
        if (!check.Allowed)
        {
            return Outcome<string>.Refused(check.Refusal);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SessionAccess.EnsureNotesAsync(db, check.Session, ct);
        if (revokeOthers)
        {
            await NotesLinks.RevokeAsync(db, db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Id), ct);
        }

        var token = NotesLinks.Mint(db, sessionId, NotesLinks.ShownToOrganiser, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<string>.Ok(token);
    }

    /// <summary>The notes page for the holder of a private link or an organiser; null when the key opens nothing.</summary>
    public async Task<NotesPage?> GetAsync(EditorKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SessionAccess.ResolveAsync(db, key, ct) is not { } found)
        {
            return null;
        }

        var (session, notes) = found;
        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == session.EventId, ct);
        var room = session.RoomId is { } rid ? await db.Rooms.Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        var materials = await db.Set<Material>().AsNoTracking().Where(m => m.SessionId == session.Id)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var rules = await MaterialService.UploadRulesAsync(db, ev.Id, ct);
        // Hidden material shows only to an organiser who came in by session id, whose role SessionAccess checked.
        return new NotesPage(session.Id, ev.Id, ev.Slug, ev.Title, ev.TimeZoneId, session.Title, room, session.StartUtc, session.EndUtc,
            notes.Convener, notes.Participants, notes.KeyPoints, notes.Actions, notes.Links, notes.HideConvenerName,
            notes.Revision, notes.LastSavedUtc, [.. materials.Where(m => !m.IsHidden || key.Token is null).Select(MaterialView.From)],
            rules.MaxUploadBytes, rules.FilesPerSession, rules.FilesPerLink);
    }

    /// <summary>
    /// Saves the whole form. Called by autosave every few seconds, so it is cheap and idempotent; a save based on
    /// an older revision than the stored one is refused rather than silently overwriting someone else's words.
    /// </summary>
    public async Task<Outcome<NotesSaved>> SaveNotesAsync(EditorKey key, NotesInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<NotesSaved>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SessionAccess.ResolveAsync(db, key, ct) is not { } found)
        {
            return Outcome<NotesSaved>.Forbidden(ProceedingsErrors.LinkNotValid);
        }

        var notes = found.Notes;
        if (input.BaseRevision is { } baseRevision && baseRevision != notes.Revision)
        {
            return Outcome<NotesSaved>.Refused(ProceedingsErrors.Stale);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revision = notes.Revision;

        // A bulk update bypasses the change tracker: say by hand that the event's public pages (the proceedings) changed,
        // so every node's page cache forgets them now rather than at their expiry.
        db.PublishOnCommit(found.Session.EventId, LiveTopics.Public);

        // The revision check is repeated in the UPDATE so two saves racing from the same base cannot both win.
        var updated = await db.Set<SessionNotes>()
            .Where(n => n.SessionId == notes.SessionId && n.Revision == revision)
            .ExecuteUpdateAsync(u => u
                .SetProperty(n => n.Convener, Clean(input.Convener))
                .SetProperty(n => n.Participants, Clean(input.Participants))
                .SetProperty(n => n.KeyPoints, Clean(input.KeyPoints))
                .SetProperty(n => n.Actions, Clean(input.Actions))
                .SetProperty(n => n.Links, Clean(input.Links))
                .SetProperty(n => n.Revision, revision + 1)
                .SetProperty(n => n.LastSavedUtc, now)
                .SetProperty(n => n.LastSavedBy, key.Actor.DisplayName), ct);
        return updated == 1
            ? Outcome<NotesSaved>.Ok(new NotesSaved(revision + 1, now))
            : Outcome<NotesSaved>.Refused(ProceedingsErrors.Stale);
    }

    /// <summary>The convener asks for their name to be taken off the proceedings (or puts it back).</summary>
    public async Task<Outcome<bool>> SetConvenerNameHiddenAsync(EditorKey key, bool hidden, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SessionAccess.ResolveAsync(db, key, ct) is not { } found)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.LinkNotValid);
        }

        found.Notes.HideConvenerName = hidden;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(hidden);
    }

    public static IReadOnlyList<FieldError> Validate(NotesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        Length(errors, nameof(NotesInput.Convener), "Convener", input.Convener, ProceedingsRules.MaxShortSection);
        Length(errors, nameof(NotesInput.Participants), "Who took part", input.Participants, ProceedingsRules.MaxSection);
        Length(errors, nameof(NotesInput.KeyPoints), "Key points", input.KeyPoints, ProceedingsRules.MaxSection);
        Length(errors, nameof(NotesInput.Actions), "Actions", input.Actions, ProceedingsRules.MaxSection);
        Length(errors, nameof(NotesInput.Links), "Links", input.Links, ProceedingsRules.MaxSection);
        if (!string.IsNullOrWhiteSpace(input.Participants) && !input.ParticipantsConsented)
        {
            errors.Add(new(nameof(NotesInput.ParticipantsConsented), ProceedingsErrors.Consent.Message));
        }

        return errors;
    }

    private static void Length(List<FieldError> errors, string field, string label, string? value, int max)
    {
        if ((value ?? string.Empty).Length > max)
        {
            errors.Add(new(field, ProceedingsErrors.TooLong(label, max).Message));
        }
    }

    private static string Clean(string? value) => (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
