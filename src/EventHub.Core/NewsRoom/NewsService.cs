using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.NewsRoom;

/// <summary>
/// The news room: short announcements to everyone at an event, shown on the projector and the phone board as they
/// arrive and kept in the proceedings. Those who run the event (owners and editors, the facilitators) post and delete;
/// everyone may read a public event's news.
/// </summary>
public sealed class NewsService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal)
{
    /// <summary>Who may post and delete: those who run the event and its board.</summary>
    public const Permission PostNews = Permission.Edit;

    public async Task<Outcome<AnnouncementView>> PostAsync(Actor actor, int eventId, string? text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, PostNews, ct) is { } refusal)
        {
            return Outcome<AnnouncementView>.Refused(refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - NewsRules.Window;
        var recent = await db.Set<Announcement>().CountAsync(a => a.EventId == eventId && a.PostedByUserId == actor.UserId && a.PostedUtc > since, ct);
        var cleaned = NewsRules.Clean(text);
        if (NewsRules.Check(cleaned, recent) is { } invalid)
        {
            return Outcome<AnnouncementView>.Refused(invalid, "Text");
        }

        var announcement = new Announcement
        {
            EventId = eventId,
            Text = cleaned,
            PostedBy = Texts.Truncate(actor.DisplayName, NewsRules.MaxNameLength),
            PostedByUserId = actor.UserId,
            PostedUtc = now,
        };
        db.Add(announcement);
        await db.SaveChangesAsync(ct);
        Announce(eventId);
        return Outcome<AnnouncementView>.Ok(View(announcement));
    }

    public async Task<Outcome<bool>> DeleteAsync(Actor actor, int announcementId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var announcement = await db.Set<Announcement>().FirstOrDefaultAsync(a => a.Id == announcementId, ct);
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Refused(CommonRefusals.SignInAsOrganiser);
        }

        if (announcement is null)
        {
            return Outcome<bool>.Refused(NewsErrors.NotFound);
        }

        if (await EventAccess.CheckAsync(db, actor, announcement.EventId, PostNews, ct, NewsErrors.NotFound) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        db.Remove(announcement);
        await db.SaveChangesAsync(ct);
        Announce(announcement.EventId);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>A public event's announcements, newest first (at most <paramref name="latest"/>); none for a draft.</summary>
    public async Task<IReadOnlyList<AnnouncementView>> ReadAsync(int eventId, int? latest = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is not { IsPublic: true })
        {
            return [];
        }

        return await NewestFirst(db, eventId, latest, ct);
    }

    /// <summary>Every announcement of an event, newest first, for its team (a draft's too); none for anyone else.</summary>
    public async Task<IReadOnlyList<AnnouncementView>> ListForTeamAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.See, ct) is not null)
        {
            return [];
        }

        return await NewestFirst(db, eventId, latest: null, ct);
    }

    private static async Task<IReadOnlyList<AnnouncementView>> NewestFirst(EventHubDbContext db, int eventId, int? latest, CancellationToken ct)
    {
        IQueryable<Announcement> news = db.Set<Announcement>().AsNoTracking().Where(a => a.EventId == eventId)
            .OrderByDescending(a => a.PostedUtc).ThenByDescending(a => a.Id);
        if (latest is { } count)
        {
            news = news.Take(count);
        }

        return await news.Select(a => new AnnouncementView(a.Id, a.Text, a.PostedBy, a.PostedUtc)).ToListAsync(ct);
    }

    private static AnnouncementView View(Announcement a) => new(a.Id, a.Text, a.PostedBy, a.PostedUtc);

    // The projector, the phone board's change stream and the cached public pages (the proceedings) all follow these.
    private void Announce(int eventId)
    {
        signal.Publish(eventId, LiveTopics.News);
        signal.Publish(eventId, LiveTopics.Public);
    }
}
