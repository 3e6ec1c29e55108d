using System.Text;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Events;

/// <summary>
/// iCalendar feeds people subscribe to: every public event, or one series' editions. Each event keeps the UID its
/// booking invites carry, so a calendar that holds both shows one entry.
/// </summary>
public sealed class CalendarFeed(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> options)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How long a finished event stays in a feed, so a calendar does not lose it the day after.</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromDays(90);

    private static readonly EventStatus[] Listed = [EventStatus.Published, EventStatus.Completed, EventStatus.Cancelled];

    /// <summary>Every public event that is upcoming or ended recently.</summary>
    public async Task<CalendarDocument> AllEventsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BuildAsync(db, "EventHub events", null, ct);
    }

    /// <summary>One series' public editions, upcoming or ended recently; null when there is no such series.</summary>
    public async Task<CalendarDocument?> SeriesAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        return series is null ? null : await BuildAsync(db, series.Name, series.Id, ct);
    }

    public static string AllEventsPath => "/calendar/events.ics";

    public static string SeriesPath(string slug) => $"/calendar/series/{Uri.EscapeDataString(slug)}.ics";

    private async Task<CalendarDocument> BuildAsync(EventHubDbContext db, string name, int? seriesId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - RecentFor;
        var scope = db.Events.AsNoTracking().Where(e => seriesId == null || e.SeriesId == seriesId);

        // Every event in scope, listed or not: unpublishing one changes the feed too.
        var changedUtc = await scope.MaxAsync(e => (DateTime?)e.UpdatedUtc, ct);
        var query = scope.Where(e => Listed.Contains(e.Status) && e.EndUtc >= since);

        var events = await query.OrderBy(e => e.StartUtc).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var sequences = await db.Set<IcsSequence>().AsNoTracking().Where(s => ids.Contains(s.EventId))
            .ToDictionaryAsync(s => s.EventId, s => s.Sequence, ct);

        var calendar = new Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in events.Select(e => e.TimeZoneId).Distinct(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(zone);
        }

        foreach (var ev in events)
        {
            calendar.Events.Add(Entry(EmailEventSource.Snapshot(ev), sequences.GetValueOrDefault(ev.Id)));
        }

        return new CalendarDocument(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty, changedUtc);
    }

    private CalendarEvent Entry(EmailEvent evt, int sequence)
    {
        var page = options.Value.Link("/events/" + Uri.EscapeDataString(evt.Slug));
        var description = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(evt.Summary))
        {
            description.AppendLine(evt.Summary).AppendLine();
        }

        description.Append("See the event and book: ").Append(page);
        return new CalendarEvent
        {
            Uid = CalendarInvite.Uid(evt.Id, options.Value),
            Sequence = sequence,
            Summary = evt.Title,
            DtStart = CalendarInvite.At(evt.StartUtc, evt.TimeZoneId),
            DtEnd = CalendarInvite.At(evt.EndUtc, evt.TimeZoneId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(evt.ChangedUtc, DateTimeKind.Utc)),
            Location = evt.Place,
            Description = description.ToString(),
            Url = new Uri(page),
            Status = evt.Status == nameof(EventStatus.Cancelled) ? "CANCELLED" : "CONFIRMED",
        };
    }
}
