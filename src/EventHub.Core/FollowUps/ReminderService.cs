using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.FollowUps;

/// <summary>
/// Reminders before an event: the organiser's offsets, the sweep that queues them, and the attendee's answer to
/// "are you still coming?" (keep the place, or release it to the waiting list).
/// </summary>
public sealed class ReminderService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingService bookings)
{
    public const int BatchSize = 200;

    /// <summary>
    /// The <see cref="ReminderSent.OffsetMinutes"/> that records the "event starting" mail, kept apart from any reminder
    /// offset (those are positive), so the same unique index makes it once per booking.
    /// </summary>
    public const int EventStartingMarker = -60;

    /// <summary>How long before the start the "event starting" mail goes to confirmed online places.</summary>
    public static readonly TimeSpan EventStartingLead = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<int>> OffsetsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.See, ct) is not null)
        {
            return [];
        }

        var stored = await db.Set<ReminderSettings>().AsNoTracking().Where(s => s.EventId == eventId).Select(s => s.OffsetMinutes).FirstOrDefaultAsync(ct);
        return ReminderSchedule.FromStored(stored);
    }

    /// <summary>Saves the reminder offsets typed as "7 days, 1 day, 2 hours" (or "none").</summary>
    public async Task<Outcome<IReadOnlyList<int>>> SaveOffsetsAsync(Actor actor, int eventId, string text, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<IReadOnlyList<int>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FollowUpErrors.EventNotFound) is { } refusal)
        {
            return Outcome<IReadOnlyList<int>>.Refused(refusal);
        }

        if (!ReminderSchedule.TryParse(text, out var offsets, out var error))
        {
            return Outcome<IReadOnlyList<int>>.Invalid("Reminders", error!);
        }

        var row = await db.Set<ReminderSettings>().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        if (row is null)
        {
            row = new ReminderSettings { EventId = eventId };
            db.Add(row);
        }

        row.OffsetMinutes = ReminderSchedule.ToStored(offsets);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<int>>.Ok(offsets);
    }

    /// <summary>
    /// Queues every reminder that is due and not yet queued, in batches, and answers how many it queued. Each batch
    /// writes the reminder rows and their outbox rows in one transaction; the unique (booking, offset) index turns a
    /// second sweeper's duplicate into a failed batch that is simply read again.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(ReminderSchedule.MaxDays + 1);
        List<(int Id, DateTime StartUtc, string TimeZoneId, string? Stored)> events;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            events = (await read.Events.AsNoTracking()
                .Where(e => e.Status == EventStatus.Published && e.StartUtc > now && e.StartUtc <= horizon)
                .Select(e => new { e.Id, e.StartUtc, e.TimeZoneId, Stored = read.Set<ReminderSettings>().Where(s => s.EventId == e.Id).Select(s => s.OffsetMinutes).FirstOrDefault() })
                .ToListAsync(ct))
                .Select(e => (e.Id, e.StartUtc, e.TimeZoneId, e.Stored)).ToList();
        }

        var queued = 0;
        foreach (var evt in events)
        {
            var offsets = ReminderSchedule.FromStored(evt.Stored);
            if (ReminderSchedule.DueNow(offsets, evt.StartUtc, evt.TimeZoneId, now) is not int offset)
            {
                continue;
            }

            var dueUtc = ReminderSchedule.DueUtc(evt.StartUtc, evt.TimeZoneId, offset);
            queued += await QueueForEventAsync(evt.Id, offset, dueUtc, FollowUpTemplates.Reminder, onlineOnly: false, now, ct);
        }

        return queued;
    }

    /// <summary>
    /// Queues the "event starting" mail, with the joining link, to each confirmed online place of an event with a
    /// joining link that starts within the hour, once per booking (the same unique index as reminders, under
    /// <see cref="EventStartingMarker"/>). The hour is real time, so a clock change in between moves nothing.
    /// </summary>
    public async Task<int> SendStartingAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + EventStartingLead;
        List<(int Id, DateTime StartUtc)> events;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            events = (await read.Events.AsNoTracking()
                .Where(e => e.Status == EventStatus.Published && e.OnlineUrl != "" && e.StartUtc > now && e.StartUtc <= horizon
                    && read.Set<TicketType>().Any(t => t.EventId == e.Id && t.Attendance == Attendance.Online))
                .Select(e => new { e.Id, e.StartUtc })
                .ToListAsync(ct))
                .Select(e => (e.Id, e.StartUtc)).ToList();
        }

        var queued = 0;
        foreach (var (id, startUtc) in events)
        {
            queued += await QueueForEventAsync(id, EventStartingMarker, startUtc - EventStartingLead, FollowUpTemplates.EventStarting, onlineOnly: true, now, ct);
        }

        return queued;
    }

    private async Task<int> QueueForEventAsync(int eventId, int offset, DateTime dueUtc, string template, bool onlineOnly, DateTime now, CancellationToken ct)
    {
        var queued = 0;
        for (var clashes = 0; ;)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            // Someone who booked after the reminder was due has just had their confirmation: no reminder for them.
            var batch = await db.Set<Bookings.Booking>().Include(b => b.TicketType)
                .Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed && b.CreatedUtc < dueUtc
                    && (!onlineOnly || b.TicketType!.Attendance == Attendance.Online)
                    && !db.Set<ReminderSent>().Any(r => r.BookingId == b.Id && r.OffsetMinutes == offset))
                .OrderBy(b => b.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return queued;
            }

            foreach (var b in batch)
            {
                db.Add(new ReminderSent { BookingId = b.Id, OffsetMinutes = offset, QueuedUtc = now });
                Lifecycle.Message(db, template, b, now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                queued += batch.Count;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && ++clashes <= 10)
            {
                // Another sweeper queued some of these first; nothing of this batch was kept. Read again.
                await tx.RollbackAsync(ct);
            }
        }
    }

    public async Task<StillComingView?> GetAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<Bookings.Booking>().AsNoTracking().WithManageToken(db, token)
            .Select(b => new
            {
                b.Name,
                b.Status,
                Event = db.Events.First(e => e.Id == b.EventId),
                Kept = db.Set<PlaceKept>().Where(k => k.BookingId == b.Id).Select(k => (DateTime?)k.KeptUtc).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null
            : new StillComingView(row.Name, row.Event.Title, EventTime.FormatRange(row.Event.StartUtc, row.Event.EndUtc, row.Event.TimeZoneId), row.Status, row.Kept);
    }

    /// <summary>"Yes, I am still coming": recorded for the organisers; asking twice keeps the first answer's time.</summary>
    public async Task<Outcome<DateTime>> KeepPlaceAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var booking = string.IsNullOrWhiteSpace(token) ? null
            : await db.Set<Bookings.Booking>().AsNoTracking().WithManageToken(db, token).Select(b => new { b.Id, b.Status }).FirstOrDefaultAsync(ct);
        if (booking is null)
        {
            return Outcome<DateTime>.Refused(FollowUpErrors.LinkNotValid);
        }

        if (booking.Status != BookingStatus.Confirmed)
        {
            return Outcome<DateTime>.Refused(FollowUpErrors.NotConfirmed);
        }

        var existing = await db.Set<PlaceKept>().AsNoTracking().Where(k => k.BookingId == booking.Id).Select(k => (DateTime?)k.KeptUtc).FirstOrDefaultAsync(ct);
        if (existing is { } kept)
        {
            return Outcome<DateTime>.Ok(kept);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PlaceKept { BookingId = booking.Id, KeptUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two clicks at once: the other one recorded it.
        }

        return Outcome<DateTime>.Ok(now);
    }

    /// <summary>"No, release my place": the ordinary cancel, which offers the place to the first person waiting.</summary>
    public async Task<Outcome<BookingStatus>> ReleasePlaceAsync(string token, CancellationToken ct = default)
    {
        var view = await GetAsync(token, ct);
        if (view is null)
        {
            return Outcome<BookingStatus>.Refused(FollowUpErrors.LinkNotValid);
        }

        if (view.Status != BookingStatus.Confirmed)
        {
            return Outcome<BookingStatus>.Refused(FollowUpErrors.NotConfirmed);
        }

        return await bookings.CancelAsync(token, ct);
    }
}
