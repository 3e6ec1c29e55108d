using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>After the day: the book of proceedings, its settings, publishing it, and the public archive.</summary>
public sealed class ProceedingsService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Past editions on one page of the series page's record.</summary>
    public const int PastEditionsPageSize = 50;

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

        return await ProceedingsAccess.UpdateSettingsAsync(dbFactory, actor, eventId, s => s.Licence = chosen, chosen, ct);
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

        var now = clock.GetUtcNow().UtcDateTime;
        return await ProceedingsAccess.UpdateSettingsAsync(
            dbFactory, actor, eventId, s => (s.IsPublished, s.PublishedUtc) = (published, published ? now : (DateTime?)null), published, ct);
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
                [.. writeUps.Where(w => w.SessionId == s.Id).Select(w => WriteUpService.View(w, s.Title))]));
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

    /// <summary>Past editions of a series with what they left behind, latest first, for the series archive page.</summary>
    public async Task<IReadOnlyList<ArchiveEdition>> PastEditionsAsync(string seriesSlug, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AsArchiveEditions(db, PastEditionsOf(db, seriesSlug, now).OrderByDescending(e => e.StartUtc)).ToListAsync(ct);
    }

    /// <summary>
    /// A page of them, latest first, for the series page, and whether any past edition left something behind (so the
    /// series page shows the record on every page of it, or on none).
    /// </summary>
    public async Task<PastEditionsPage> PastEditionsPageAsync(string seriesSlug, int page, int pageSize = PastEditionsPageSize, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var past = PastEditionsOf(db, seriesSlug, now);
        var total = await past.CountAsync(ct);
        var anyLeftSomething = total > 0 && await past.AnyAsync(e =>
            db.Set<ProceedingsSettings>().Any(p => p.EventId == e.Id && p.IsPublished)
            || db.Set<Material>().Any(m => m.EventId == e.Id && !m.IsHidden && !m.AwaitingApproval)
            || db.Set<WriteUp>().Any(w => w.EventId == e.Id && w.Status == WriteUpStatus.Approved), ct);
        var (skip, take) = Paging.Window(page, pageSize);
        var editions = await AsArchiveEditions(db, past.OrderByDescending(e => e.StartUtc).ThenBy(e => e.Id).Skip(skip).Take(take)).ToListAsync(ct);
        return new PastEditionsPage(new PagedResult<ArchiveEdition>(editions, total, page, take), anyLeftSomething);
    }

    private static IQueryable<Event> PastEditionsOf(EventHubDbContext db, string seriesSlug, DateTime now) =>
        db.Events.AsNoTracking().Where(e => e.Series != null && e.Series.Slug == seriesSlug && e.EndUtc < now
            && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed));

    private static IQueryable<ArchiveEdition> AsArchiveEditions(EventHubDbContext db, IQueryable<Event> events) =>
        events.Select(e => new ArchiveEdition(e.Id, e.Title, e.Slug, e.Summary, e.TimeZoneId, e.StartUtc,
            db.Set<ProceedingsSettings>().Any(p => p.EventId == e.Id && p.IsPublished),
            db.Sessions.Count(s => s.EventId == e.Id),
            db.Set<Material>().Count(m => m.EventId == e.Id && !m.IsHidden && !m.AwaitingApproval),
            db.Set<WriteUp>().Count(w => w.EventId == e.Id && w.Status == WriteUpStatus.Approved)));

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
}
