using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using EventHub.Core.Feedback;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Dashboards;

/// <summary>
/// The figures people compare, for an event and across a series' editions. Counts are made by the database (grouped
/// and counted there), so thousands of bookings are never loaded. Door figures count places in the room only
/// (<see cref="BookedPlace.InPerson"/>). Everything read here survives the retention job: statuses, ticket types, creation times,
/// check-ins, the email domain kept on anonymisation, the repeat-attendee mark the
/// retention job sets (<see cref="Booking.BookedEarlierEdition"/>) before it removes the addresses, and the waiting
/// list's running maximum kept on the event (at least the list as it is now, for editions older than that figure).
/// </summary>
public sealed class FiguresService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<EventFigures>> ForEventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.ViewFigures, ct, DashboardErrors.EventNotFound) is { } refusal)
        {
            return Outcome<EventFigures>.Refused(refusal);
        }

        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Capacity, e.PlacesTaken, e.WaitingPeak, e.TimeZoneId, e.BookingOpensUtc, e.CreatedUtc, e.EndUtc })
            .FirstAsync(ct);
        var bookings = db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId);
        var confirmedAll = bookings.Where(b => b.Status == BookingStatus.Confirmed);
        var confirmed = await confirmedAll.Where(BookedPlace.InPerson).CountAsync(ct);
        var online = await confirmedAll.CountAsync(BookedPlace.Online, ct);
        var onlineTypes = await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == eventId && t.Attendance == Attendance.Online)
            .Select(t => new { t.PlacesTaken, t.Quota }).ToListAsync(ct);
        var onlinePlaces = onlineTypes.Count == 0 ? null
            : new OnlinePlacesTaken(onlineTypes.Sum(t => t.PlacesTaken), onlineTypes.Sum(t => t.Quota ?? 0));
        var checkedIn = await CheckedInAsync(db, eventId, ct);
        var waiting = await bookings.CountAsync(b => b.Status == BookingStatus.Waiting, ct);

        // The sell-out curve is the room's (its places against its capacity, with its waiting list): online places
        // have their own capacity and would make a full room look emptier or fuller than it is.
        var hours = await HoursAsync(bookings.Where(BookedPlace.InPerson), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (step, curve) = SellOutCurve.Build(hours, ev.BookingOpensUtc ?? ev.CreatedUtc, now < ev.EndUtc ? now : ev.EndUtc, ev.TimeZoneId);

        // IndexOf with a string, not a char: Npgsql cannot turn a char constant into SQL (the dashboard failed on PostgreSQL).
#pragma warning disable CA1865, CA1866
        var organisations = (await bookings.Where(b => b.Status == BookingStatus.Confirmed)
                .GroupBy(b => b.EmailDomain != "" ? b.EmailDomain : b.NormalisedEmail.Substring(b.NormalisedEmail.IndexOf("@") + 1))
                .Select(g => new { Domain = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .Select(g => new DomainCount(g.Domain, g.Count))
            .OrderByDescending(d => d.Confirmed).ThenBy(d => d.Domain, StringComparer.Ordinal)
            .ToList();
#pragma warning restore CA1865, CA1866

        return Outcome<EventFigures>.Ok(new EventFigures(
            eventId, ev.TimeZoneId, ev.Capacity, ev.PlacesTaken, confirmed, checkedIn, waiting, Math.Max(ev.WaitingPeak, waiting), step, curve, organisations, online, onlinePlaces));
    }

    /// <summary>Each edition side by side, for those who may read the figures of the series (Viewer and up on its team).</summary>
    public async Task<Outcome<SeriesFigures>> ForSeriesAsync(Actor actor, int seriesId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<SeriesFigures>.Refused(CommonRefusals.SignInAsOrganiser);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Series.AsNoTracking().Where(s => s.Id == seriesId).Select(s => new { s.Name, s.Slug }).FirstOrDefaultAsync(ct);
        if (series is null)
        {
            return Outcome<SeriesFigures>.Refused(DashboardErrors.SeriesNotFound);
        }

        var granted = await EventAccess.ResolveSeriesAsync(db, actor, seriesId, ct);
        if (AccessRules.Verdict(granted, Permission.ViewFigures, DashboardErrors.SeriesNotFound) is { } refusal)
        {
            return Outcome<SeriesFigures>.Refused(refusal);
        }

        var editions = await db.Events.AsNoTracking().Where(e => e.SeriesId == seriesId)
            .OrderBy(e => e.StartUtc).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.StartUtc, e.TimeZoneId, e.Capacity, e.PlacesTaken, e.WaitingPeak, e.SoldOutUtc, Opened = e.BookingOpensUtc ?? e.CreatedUtc })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = editions.Select(e => e.Id).ToList();

        // Counts for every edition in one grouped query each, not two queries per edition.
        var counts = await db.Set<Booking>().AsNoTracking().Where(b => ids.Contains(b.EventId))
            .Select(b => new { b.EventId, b.Status, Online = b.TicketTypeId != null && b.TicketType!.Attendance == Attendance.Online })
            .GroupBy(b => b.EventId)
            .Select(g => new
            {
                EventId = g.Key,
                Confirmed = g.Count(b => b.Status == BookingStatus.Confirmed && !b.Online),
                OnlineConfirmed = g.Count(b => b.Status == BookingStatus.Confirmed && b.Online),
                Waiting = g.Count(b => b.Status == BookingStatus.Waiting),
            })
            .ToDictionaryAsync(x => x.EventId, ct);
        var feedback = await db.Set<FeedbackResponse>().AsNoTracking().Where(r => ids.Contains(r.EventId))
            .GroupBy(r => r.EventId)
            .Select(g => new { EventId = g.Key, Answers = g.Count(), Total = g.Sum(r => r.Score) })
            .ToDictionaryAsync(x => x.EventId, ct);
        var rows = new List<EditionFigures>();
        var earlier = new List<int>();
        foreach (var e in editions)
        {
            var bookings = db.Set<Booking>().AsNoTracking().Where(b => b.EventId == e.Id);
            var confirmed = counts.TryGetValue(e.Id, out var c) ? c.Confirmed : 0;
            var waiting = counts.TryGetValue(e.Id, out var w) ? w.Waiting : 0;
            var before = earlier.ToList();
            var repeat = before.Count == 0 ? 0
                : await bookings.CountAsync(b => b.Status == BookingStatus.Confirmed && (b.BookedEarlierEdition
                    || db.Set<Booking>().Any(p => before.Contains(p.EventId) && p.Status == BookingStatus.Confirmed && p.NormalisedEmail == b.NormalisedEmail)), ct);
            rows.Add(new EditionFigures(
                e.Id, e.Title, e.StartUtc, e.TimeZoneId, e.StartUtc <= now, e.Capacity, e.PlacesTaken, confirmed,
                await CheckedInAsync(db, e.Id, ct),
                e.SoldOutUtc is { } at ? (at > e.Opened ? at - e.Opened : TimeSpan.Zero) : null,
                waiting, Math.Max(e.WaitingPeak, waiting), repeat,
                feedback.TryGetValue(e.Id, out var f) ? Math.Round(f.Total / (double)f.Answers, 1) : null,
                f?.Answers ?? 0,
                c?.OnlineConfirmed ?? 0));
            earlier.Add(e.Id);
        }

        return Outcome<SeriesFigures>.Ok(new SeriesFigures(seriesId, series.Name, series.Slug, rows));
    }

    /// <summary>Confirmed places in the room with a check-in (a check-in on a booking cancelled later does not count).</summary>
    private static Task<int> CheckedInAsync(EventHubDbContext db, int eventId, CancellationToken ct) =>
        db.Set<Booking>().AsNoTracking()
            .Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed)
            .Where(BookedPlace.InPerson)
            .CountAsync(b => db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id), ct);

    /// <summary>Bookings now holding a place or waiting, counted per UTC hour of creation by the database.</summary>
    private static async Task<IReadOnlyList<HourCount>> HoursAsync(IQueryable<Booking> bookings, CancellationToken ct)
    {
        var groups = await bookings
            .Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Offered || b.Status == BookingStatus.Waiting)
            .GroupBy(b => new { b.CreatedUtc.Year, b.CreatedUtc.Month, b.CreatedUtc.Day, b.CreatedUtc.Hour })
            .Select(g => new
            {
                g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour,
                Waiting = g.Count(b => b.Status == BookingStatus.Waiting),
                All = g.Count(),
            })
            .ToListAsync(ct);
        return groups
            .Select(g => new HourCount(new DateTime(g.Year, g.Month, g.Day, g.Hour, 0, 0, DateTimeKind.Utc), g.All - g.Waiting, g.Waiting))
            .OrderBy(h => h.HourUtc)
            .ToList();
    }
}
