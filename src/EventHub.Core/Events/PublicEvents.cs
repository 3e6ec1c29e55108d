using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events;

/// <summary>What anyone may read without signing in: only Published, Completed and Cancelled events.</summary>
public sealed class PublicEvents(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    private static readonly EventStatus[] PublicStatuses = [EventStatus.Published, EventStatus.Completed, EventStatus.Cancelled];

    /// <summary>How many events one page of the home page lists.</summary>
    public const int PageSize = 50;

    /// <summary>One page (from 0) of the upcoming public events, soonest first, with how many there are in all.</summary>
    public async Task<Common.PagedResult<EventCard>> UpcomingPageAsync(int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PageOfAsync(Upcoming(db), page, pageSize, ct);
    }

    /// <summary>One page (from 0) of the upcoming public events with <paramref name="tag"/>; none for a malformed tag.</summary>
    public async Task<Common.PagedResult<EventCard>> UpcomingWithTagPageAsync(string tag, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        if (!IsTag(tag))
        {
            return new Common.PagedResult<EventCard>([], 0, 0, pageSize);
        }

        var needle = EventTags.Needle(tag);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PageOfAsync(Upcoming(db).Where(e => e.Tags.Contains(needle)), page, pageSize, ct);
    }

    public async Task<IReadOnlyList<EventCard>> UpcomingAsync(int max = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Cards(Upcoming(db).Take(max)).ToListAsync(ct);
    }

    /// <summary>Upcoming public events with <paramref name="tag"/> (as stored: lower case and hyphens); none for a malformed tag.</summary>
    public async Task<IReadOnlyList<EventCard>> UpcomingWithTagAsync(string tag, int max = 50, CancellationToken ct = default)
    {
        if (!IsTag(tag))
        {
            return [];
        }

        var needle = EventTags.Needle(tag);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Cards(Upcoming(db).Where(e => e.Tags.Contains(needle)).Take(max)).ToListAsync(ct);
    }

    /// <summary>A series' name and one page (from 0) of its upcoming public editions, or null when there is no series of that slug.</summary>
    public async Task<(string Name, Common.PagedResult<EventCard> Editions)?> UpcomingInSeriesPageAsync(string seriesSlug, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Series.Where(s => s.Slug == seriesSlug).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (series is null)
        {
            return null;
        }

        return (series.Name, await PageOfAsync(Upcoming(db).Where(e => e.SeriesId == series.Id), page, pageSize, ct));
    }

    public async Task<PublicEventPage?> GetEventAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Include(e => e.Series)
            .FirstOrDefaultAsync(e => e.Slug == slug && PublicStatuses.Contains(e.Status), ct);
        if (ev is null)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == ev.Id).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == ev.Id).OrderBy(s => s.StartUtc).ToListAsync(ct);
        return new PublicEventPage(ev, AgendaGrid.Build(rooms, sessions, ev.TimeZoneId), sessions, Common.MarkdownRenderer.ToSafeHtml(ev.Summary));
    }

    /// <summary>The public event's id behind a slug, or null when there is no public event of that slug.</summary>
    public async Task<int?> FindIdAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.Where(e => e.Slug == slug && PublicStatuses.Contains(e.Status)).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The slugs of an event and its series, whatever its status: the addresses of the pages that show it.</summary>
    public async Task<EventSlugs?> SlugsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.Where(e => e.Id == eventId)
            .Select(e => new EventSlugs(e.Slug, e.Series == null ? null : e.Series.Slug))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Places left on a public event now (null once it is no longer public).</summary>
    public async Task<EventPlaces?> GetPlacesAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.Where(e => e.Id == eventId && PublicStatuses.Contains(e.Status))
            .Select(e => new EventPlaces(e.Id, e.Capacity, e.PlacesTaken, e.Status == EventStatus.Published))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>A series' page: one page (from 0) of its upcoming editions, soonest first, and one of its past ones, latest first.</summary>
    public async Task<PublicSeriesPage?> GetSeriesAsync(string slug, int upcomingPage = 0, int pastPage = 0, int pageSize = PageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (series is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = await PageOfAsync(Upcoming(db).Where(e => e.SeriesId == series.Id), upcomingPage, pageSize, ct);
        var past = await PageOfAsync(db.Events.Where(e => e.SeriesId == series.Id && PublicStatuses.Contains(e.Status) && e.EndUtc < now)
            .OrderByDescending(e => e.StartUtc).ThenByDescending(e => e.Id), pastPage, pageSize, ct);
        return new PublicSeriesPage(series, Common.MarkdownRenderer.ToSafeHtml(series.Description), upcoming, past);
    }

    private static bool IsTag(string tag) => Common.Slugs.IsValid(tag) && tag.Length <= EventTags.MaxTagLength;

    private static async Task<Common.PagedResult<EventCard>> PageOfAsync(IQueryable<Event> events, int page, int pageSize, CancellationToken ct)
    {
        var (skip, take) = Common.Paging.Window(page, pageSize);
        var total = await events.CountAsync(ct);
        var cards = skip >= total ? [] : await Cards(events.Skip(skip).Take(take)).ToListAsync(ct);
        return new Common.PagedResult<EventCard>(cards, total, skip / take, take);
    }

    private IQueryable<Event> Upcoming(EventHubDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Events.Where(e => PublicStatuses.Contains(e.Status) && e.EndUtc >= now).OrderBy(e => e.StartUtc).ThenBy(e => e.Id);
    }

    private static IQueryable<EventCard> Cards(IQueryable<Event> events) =>
        events.AsNoTracking().Select(e => new EventCard(e.Id, e.Title, e.Slug, e.StartUtc, e.EndUtc, e.TimeZoneId, e.VenueName,
            e.OnlineUrl != "", e.Status, e.Capacity, e.PlacesTaken));
}
