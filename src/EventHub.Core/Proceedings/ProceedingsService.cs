using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>After the day: write-ups, the book of proceedings, publishing it, and the public archive.</summary>
public sealed class ProceedingsService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    // ---- Write-ups ----

    /// <summary>
    /// A participant posts a write-up (a short text, a link, or both). It shows at once when the organisers trust
    /// contributors for this event, otherwise after approval. Internal: public callers go through the slug overload,
    /// which checks the session belongs to a public event.
    /// </summary>
    internal async Task<Outcome<WriteUpView>> SubmitWriteUpAsync(int sessionId, WriteUpInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.AuthorName))
        {
            errors.Add(new(nameof(WriteUpInput.AuthorName), ProceedingsErrors.WriteUpName.Message));
        }
        else if (input.AuthorName.Trim().Length > ProceedingsRules.MaxAuthorNameLength)
        {
            errors.Add(new(nameof(WriteUpInput.AuthorName), ProceedingsErrors.TooLong("Your name", ProceedingsRules.MaxAuthorNameLength).Message));
        }

        var hasText = !string.IsNullOrWhiteSpace(input.Text);
        var hasUrl = !string.IsNullOrWhiteSpace(input.Url);
        if (!hasText && !hasUrl)
        {
            errors.Add(new(nameof(WriteUpInput.Text), ProceedingsErrors.WriteUpEmpty.Message));
        }

        if (hasText && input.Text!.Trim().Length > ProceedingsRules.MaxWriteUpLength)
        {
            errors.Add(new(nameof(WriteUpInput.Text), ProceedingsErrors.TooLong("Write-up", ProceedingsRules.MaxWriteUpLength).Message));
        }

        if (hasUrl && !ProceedingsRules.IsSafeLink(input.Url))
        {
            errors.Add(new(nameof(WriteUpInput.Url), ProceedingsErrors.LinkUrl.Message));
        }

        if (errors.Count > 0)
        {
            return Outcome<WriteUpView>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Outcome<WriteUpView>.NotFound(ProceedingsErrors.SessionNotFound);
        }

        var trusted = await db.Set<ProceedingsSettings>().Where(s => s.EventId == session.EventId).Select(s => s.TrustContributors).FirstOrDefaultAsync(ct);
        var writeUp = new WriteUp
        {
            EventId = session.EventId,
            SessionId = sessionId,
            AuthorName = input.AuthorName!.Trim(),
            Text = (input.Text ?? string.Empty).Trim(),
            Url = (input.Url ?? string.Empty).Trim(),
            Status = trusted ? WriteUpStatus.Approved : WriteUpStatus.Pending,
            CreditByName = input.CreditByName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        // The author's own link, from which they can withdraw their name later; only its hash is kept.
        var link = SecureTokens.New();
        writeUp.LinkHash = SecureTokens.Hash(link);
        db.Add(writeUp);
        await db.SaveChangesAsync(ct);
        return Outcome<WriteUpView>.Ok(View(writeUp, session.Title) with { Link = link });
    }

    /// <summary>
    /// The public page of one session of a public event: what it was about and its approved write-ups. Null when
    /// the event is not public or the session is not one of its sessions.
    /// </summary>
    public async Task<PublicSessionPage?> GetSessionPageAsync(string eventSlug, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == eventSlug, ct);
        if (ev is null || !ev.IsPublic)
        {
            return null;
        }

        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == ev.Id, ct);
        if (session is null)
        {
            return null;
        }

        var room = session.RoomId is { } rid ? await db.Rooms.Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        var writeUps = await db.Set<WriteUp>().AsNoTracking().Where(w => w.SessionId == sessionId && w.Status == WriteUpStatus.Approved)
            .OrderBy(w => w.CreatedUtc).ThenBy(w => w.Id).ToListAsync(ct);
        return new PublicSessionPage(ev.Slug, ev.Title, ev.TimeZoneId, session.Id, session.Title, MarkdownRenderer.ToSafeHtml(session.Description),
            room, session.StartUtc, session.EndUtc, [.. writeUps.Select(w => View(w, session.Title))]);
    }

    /// <summary>A write-up posted from the public session page: the session must belong to that public event.</summary>
    public async Task<Outcome<WriteUpView>> SubmitWriteUpAsync(string eventSlug, int sessionId, WriteUpInput input, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var belongs = await db.Sessions.AnyAsync(s => s.Id == sessionId && s.Event!.Slug == eventSlug
                && (s.Event.Status == EventStatus.Published || s.Event.Status == EventStatus.Completed), ct);
            if (!belongs)
            {
                return Outcome<WriteUpView>.NotFound(ProceedingsErrors.SessionNotFound);
            }
        }

        return await SubmitWriteUpAsync(sessionId, input, ct);
    }

    public async Task<IReadOnlyList<WriteUpView>> PendingWriteUpsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ProceedingsAccess.MayAsync(db, actor, eventId, ct))
        {
            return [];
        }

        var rows = await db.Set<WriteUp>().AsNoTracking().Where(w => w.EventId == eventId && w.Status == WriteUpStatus.Pending)
            .Join(db.Sessions, w => w.SessionId, s => s.Id, (w, s) => new { w, s.Title })
            .OrderBy(x => x.w.CreatedUtc).ToListAsync(ct);
        return [.. rows.Select(x => View(x.w, x.Title))];
    }

    public async Task<Outcome<WriteUpStatus>> ModerateWriteUpAsync(Actor actor, int writeUpId, bool approve, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<WriteUpStatus>.Forbidden(ProceedingsErrors.OrganisersOnlyModerate);
        }

        var status = approve ? WriteUpStatus.Approved : WriteUpStatus.Rejected;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Set<WriteUp>().Where(w => w.Id == writeUpId).Select(w => (int?)w.EventId).FirstOrDefaultAsync(ct);
        if (await ProceedingsAccess.CheckRowAsync(db, actor, eventId, ProceedingsErrors.WriteUpNotFound, ct) is { } refusal)
        {
            return Outcome<WriteUpStatus>.Refused(refusal);
        }

        db.PublishOnCommit(eventId!.Value, LiveTopics.Public);
        var count = await db.Set<WriteUp>().Where(w => w.Id == writeUpId).ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, status), ct);
        return count == 1 ? Outcome<WriteUpStatus>.Ok(status) : Outcome<WriteUpStatus>.NotFound(ProceedingsErrors.WriteUpNotFound);
    }

    public async Task<Outcome<bool>> SetTrustContributorsAsync(Actor actor, int eventId, bool trusted, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlySettings);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var settings = await SettingsForUpdateAsync(db, eventId, ct);
        settings.TrustContributors = trusted;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(trusted);
    }

    // ---- The book of proceedings ----

    /// <summary>The licence the record is published under, chosen by its name (<see cref="ProceedingsLicence"/>).</summary>
    public async Task<Outcome<ProceedingsLicence>> SetLicenceAsync(Actor actor, int eventId, string? licence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<ProceedingsLicence>.Forbidden(ProceedingsErrors.OrganisersOnlySettings);
        }

        if (!Enum.TryParse<ProceedingsLicence>(licence, ignoreCase: false, out var chosen) || !Enum.IsDefined(chosen) || int.TryParse(licence, out _))
        {
            return Outcome<ProceedingsLicence>.Refused(ProceedingsErrors.LicenceMissing, "Licence");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<ProceedingsLicence>.Refused(refusal);
        }

        var settings = await SettingsForUpdateAsync(db, eventId, ct);
        settings.Licence = chosen;
        await db.SaveChangesAsync(ct);
        return Outcome<ProceedingsLicence>.Ok(chosen);
    }

    /// <summary>
    /// The published books of a series' public editions, oldest first, for the series archive's exports; null when there
    /// is no such series.
    /// </summary>
    public async Task<IReadOnlyList<ProceedingsBook>?> SeriesBooksAsync(string seriesSlug, CancellationToken ct = default)
    {
        List<string> slugs;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Set<EventSeries>().AnyAsync(s => s.Slug == seriesSlug, ct))
            {
                return null;
            }

            slugs = await db.Events.AsNoTracking()
                .Where(e => e.Series != null && e.Series.Slug == seriesSlug
                    && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed)
                    && db.Set<ProceedingsSettings>().Any(p => p.EventId == e.Id && p.IsPublished))
                .OrderBy(e => e.StartUtc).Select(e => e.Slug).ToListAsync(ct);
        }

        var books = new List<ProceedingsBook>();
        foreach (var slug in slugs)
        {
            if (await GetBookAsync(Actor.Anonymous, slug, ct) is { } book)
            {
                books.Add(book);
            }
        }

        return books;
    }

    public async Task<Outcome<bool>> SetPublishedAsync(Actor actor, int eventId, bool published, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlyPublish);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var settings = await SettingsForUpdateAsync(db, eventId, ct);
        settings.IsPublished = published;
        settings.PublishedUtc = published ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(published);
    }

    /// <summary>
    /// The proceedings of an event: published ones for everyone, a preview for those who edit the event. Hidden material,
    /// unapproved write-ups and the names of conveners who opted out are left out.
    /// </summary>
    public async Task<ProceedingsBook?> GetBookAsync(Actor actor, string eventSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == eventSlug, ct);
        if (ev is null)
        {
            return null;
        }

        var settings = await db.Set<ProceedingsSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == ev.Id, ct);
        var published = settings?.IsPublished == true && ev.IsPublic;
        if (!published && !await ProceedingsAccess.MayAsync(db, actor, ev.Id, ct))
        {
            return null;
        }

        var roomRows = await db.Rooms.AsNoTracking().Where(r => r.EventId == ev.Id).ToListAsync(ct);
        var rooms = roomRows.ToDictionary(r => r.Id, r => r.Name);
        var sessions = ProceedingsRules.InBoardOrder(
            await db.Sessions.AsNoTracking().Where(s => s.EventId == ev.Id).ToListAsync(ct), roomRows);
        var notes = await db.Set<SessionNotes>().AsNoTracking().Where(n => db.Sessions.Any(s => s.Id == n.SessionId && s.EventId == ev.Id))
            .ToDictionaryAsync(n => n.SessionId, ct);
        var materials = await db.Set<Material>().AsNoTracking().Where(m => m.EventId == ev.Id && !m.IsHidden && !m.AwaitingApproval)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var writeUps = await db.Set<WriteUp>().AsNoTracking().Where(w => w.EventId == ev.Id && w.Status == WriteUpStatus.Approved)
            .OrderBy(w => w.CreatedUtc).ToListAsync(ct);

        var list = new List<ProceedingsSession>();
        foreach (var s in sessions)
        {
            notes.TryGetValue(s.Id, out var n);
            var hideName = n?.HideConvenerName == true;
            var convener = hideName ? null : (string.IsNullOrWhiteSpace(n?.Convener) ? s.Speakers : n!.Convener);
            list.Add(new ProceedingsSession(
                s.Id, "session-" + s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Title,
                string.IsNullOrWhiteSpace(convener) ? null : convener.Trim(),
                s.RoomId is { } rid ? rooms.GetValueOrDefault(rid) : null, s.StartUtc, s.EndUtc,
                hideName ? string.Empty : MarkdownRenderer.ToSafeHtml(n?.Convener),
                MarkdownRenderer.ToSafeHtml(n?.Participants),
                MarkdownRenderer.ToSafeHtml(n?.KeyPoints),
                MarkdownRenderer.ToSafeHtml(n?.Actions),
                MarkdownRenderer.ToSafeHtml(n?.Links),
                new ProceedingsNotesText(n?.Participants ?? string.Empty, n?.KeyPoints ?? string.Empty, n?.Actions ?? string.Empty, n?.Links ?? string.Empty),
                [.. materials.Where(m => m.SessionId == s.Id).Select(MaterialView.From)],
                [.. writeUps.Where(w => w.SessionId == s.Id).Select(w => View(w, s.Title))]));
        }

        return new ProceedingsBook(ev.Id, ev.Slug, ev.Title, MarkdownRenderer.ToSafeHtml(ev.Summary), ev.TimeZoneId, ev.StartUtc,
            published, settings?.PublishedUtc, list, settings?.Licence ?? ProceedingsLicence.CcBy4);
    }

    // ---- The public archive ----

    /// <summary>Sessions of public events that are over or whose proceedings are published, whose title, description or notes contain the words, newest first.</summary>
    public async Task<PagedResult<ArchiveHit>> SearchArchiveAsync(string? query, int page = 0, int pageSize = 25, CancellationToken ct = default)
    {
        var words = (query ?? string.Empty).Trim().ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ToArray();
        if (words.Length == 0)
        {
            return new PagedResult<ArchiveHit>([], 0, page, pageSize);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Published proceedings are part of the record at once, even while the event (or its last day) is still running.
        var sessions = db.Sessions.AsNoTracking().Where(s =>
            (s.Event!.Status == EventStatus.Published || s.Event.Status == EventStatus.Completed)
            && (s.Event.EndUtc < now || db.Set<ProceedingsSettings>().Any(p => p.EventId == s.EventId && p.IsPublished)));
        foreach (var word in words)
        {
            sessions = sessions.Where(s => s.Title.ToLower().Contains(word) || s.Description.ToLower().Contains(word)
                || db.Set<SessionNotes>().Any(n => n.SessionId == s.Id && (n.KeyPoints.ToLower().Contains(word) || n.Actions.ToLower().Contains(word))));
        }

        var total = await sessions.CountAsync(ct);
        var (skip, take) = Paging.Window(page, pageSize);
        var hits = await sessions.OrderByDescending(s => s.StartUtc).ThenBy(s => s.Id).Skip(skip).Take(take)
            .Select(s => new ArchiveHit(s.Id, s.Title, s.Event!.Title, s.Event.Slug, s.Event.TimeZoneId, s.StartUtc,
                db.Set<ProceedingsSettings>().Any(p => p.EventId == s.EventId && p.IsPublished),
                db.Set<Material>().Count(m => m.SessionId == s.Id && !m.IsHidden && !m.AwaitingApproval)))
            .ToListAsync(ct);
        return new PagedResult<ArchiveHit>(hits, total, page, take);
    }

    /// <summary>Past editions of a series with what they left behind, for the series page.</summary>
    public async Task<IReadOnlyList<ArchiveEdition>> PastEditionsAsync(string seriesSlug, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking()
            .Where(e => e.Series != null && e.Series.Slug == seriesSlug && e.EndUtc < now
                && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed))
            .OrderByDescending(e => e.StartUtc)
            .Select(e => new ArchiveEdition(e.Id, e.Title, e.Slug, e.Summary, e.TimeZoneId, e.StartUtc,
                db.Set<ProceedingsSettings>().Any(p => p.EventId == e.Id && p.IsPublished),
                db.Sessions.Count(s => s.EventId == e.Id),
                db.Set<Material>().Count(m => m.EventId == e.Id && !m.IsHidden && !m.AwaitingApproval),
                db.Set<WriteUp>().Count(w => w.EventId == e.Id && w.Status == WriteUpStatus.Approved)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The event's record settings as those who edit the event change them (defaults when never set); null when the
    /// actor may not.
    /// </summary>
    public async Task<ProceedingsSettings?> GetSettingsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ProceedingsAccess.MayAsync(db, actor, eventId, ct))
        {
            return null;
        }

        return await db.Set<ProceedingsSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct)
            ?? new ProceedingsSettings { EventId = eventId };
    }

    internal static async Task<ProceedingsSettings> SettingsForUpdateAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var settings = await db.Set<ProceedingsSettings>().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        if (settings is null)
        {
            settings = new ProceedingsSettings { EventId = eventId };
            db.Add(settings);
        }

        return settings;
    }

    private static WriteUpView View(WriteUp w, string sessionTitle) =>
        new(w.Id, w.SessionId, sessionTitle, w.AuthorName, MarkdownRenderer.ToSafeHtml(w.Text), w.Text, w.Url, w.Status, w.CreatedUtc);
}
