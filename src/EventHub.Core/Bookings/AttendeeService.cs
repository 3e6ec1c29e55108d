using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// The organiser's use cases on the people booked: the attendee list and its export, adding someone by hand,
/// approving, declining, cancelling, and managing the waiting list. Every change is audited with who did it.
/// </summary>
public sealed class AttendeeService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, BookingService bookings)
{
    private readonly OrganiserWrites _writes = new(dbFactory, clock, gate);

    public async Task<PagedResult<AttendeeRow>> ListAsync(Actor actor, AttendeeQuery query, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, query.EventId, Permission.ViewAttendees, ct) is not null)
        {
            return new PagedResult<AttendeeRow>([], 0, query.Page, query.PageSize);
        }

        var rows = db.Set<Booking>().AsNoTracking().Where(b => b.EventId == query.EventId);
        if (query.Status is { } status)
        {
            rows = rows.Where(b => b.Status == status);
        }

        if (query.TicketTypeId is { } typeId)
        {
            rows = rows.Where(b => b.TicketTypeId == typeId);
        }

        if (query.Attendance is { } kind)
        {
            rows = rows.Where(BookedPlace.Of(kind));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            rows = rows.Where(b => b.Name.ToLower().Contains(term) || b.NormalisedEmail.Contains(term)
                || b.Organisation.ToLower().Contains(term) || b.Reference.ToLower().Contains(term));
        }

        var total = await rows.CountAsync(ct);
        var (skip, take) = Paging.Window(query.Page, query.PageSize);
        var ordered = query.Status == BookingStatus.Waiting
            ? rows.OrderBy(b => b.WaitlistRank).ThenBy(b => b.Id)
            : rows.OrderBy(b => b.Name).ThenBy(b => b.Id);
        var items = await ordered.Skip(skip).Take(take)
            .Select(b => new AttendeeRow(b.Id, b.Reference, b.Name, b.Email, b.Organisation, b.JobTitle,
                b.TicketType != null ? b.TicketType.Name : null, b.Status, b.CreatedUtc, b.OfferExpiresUtc,
                b.DietaryNeeds != "" || b.AccessNeeds != "", b.WaitlistRank,
                b.TicketType != null ? b.TicketType.Attendance : Attendance.InPerson))
            .ToListAsync(ct);
        return new PagedResult<AttendeeRow>(items, total, query.Page, take);
    }

    public async Task<AttendeeCounts> CountsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.ViewFigures, ct) is not null)
        {
            return new AttendeeCounts(0, 0, 0, 0, 0, 0, 0);
        }

        var ev = await db.Set<Event>().AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Capacity, e.PlacesTaken }).FirstAsync(ct);
        var byStatus = await db.Set<Booking>().Where(b => b.EventId == eventId).GroupBy(b => b.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Get(BookingStatus s) => byStatus.TryGetValue(s, out var n) ? n : 0;
        return new AttendeeCounts(ev.Capacity, ev.PlacesTaken, Get(BookingStatus.Confirmed), Get(BookingStatus.Offered),
            Get(BookingStatus.Waiting), Get(BookingStatus.AwaitingApproval), Get(BookingStatus.Cancelled) + Get(BookingStatus.Declined), Get(BookingStatus.Held));
    }

    /// <summary>
    /// Every booking with its answers, for the attendee CSV: none unless the actor may see the attendees. With
    /// <paramref name="withNeeds"/> (and the permission to see them) access and dietary needs are kept, and the export
    /// is recorded in the security log; otherwise they are blanked.
    /// </summary>
    public async Task<IReadOnlyList<Booking>> ExportRowsAsync(Actor actor, int eventId, bool withNeeds, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var granted = await EventAccess.ResolveAsync(db, actor, eventId, ct);
        if (!granted.Contains(Permission.ViewAttendees))
        {
            return [];
        }

        var rows = await db.Set<Booking>().AsNoTracking().Include(b => b.TicketType).Include(b => b.Answers)
            .Where(b => b.EventId == eventId).OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
        if (!withNeeds || !granted.Contains(Permission.ViewNeeds))
        {
            foreach (var row in rows)
            {
                row.DietaryNeeds = string.Empty;
                row.AccessNeeds = string.Empty;
            }
        }
        else
        {
            Organisers.Security.SecurityAudit.Add(db, Organisers.Security.SecurityAction.NeedsExported, actor,
                $"Exported the attendee list with access and dietary needs ({rows.Count} row(s))", clock.GetUtcNow().UtcDateTime, eventId);
            await db.SaveChangesAsync(ct);
        }

        return rows;
    }

    /// <summary>Books someone the organiser names, skipping opening times, eligibility and consent.</summary>
    public async Task<Outcome<BookingResult>> AddByHandAsync(Actor actor, int eventId, BookingForm form, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<BookingResult>.Forbidden();
        }

        if (await EventAccess.CheckAsync(dbFactory, actor, eventId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<BookingResult>.Refused(refusal);
        }

        var result = await bookings.BookCoreAsync(new BookingRequest(eventId, form), byOrganiser: true, ct);
        if (result.Succeeded)
        {
            await _writes.AuditAsync(actor, eventId, result.Value!.BookingId, "added", $"Added {form.Name.Trim()} by hand ({result.Value.Status})", ct);
        }

        return result;
    }

    /// <summary>Approving takes a place, or a place on the waiting list when the event is full.</summary>
    public Task<Outcome<BookingStatus>> ApproveAsync(Actor actor, int bookingId, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.AwaitingApproval], "approved", async (db, b, now) =>
        {
            var took = await Places.TryTakeAsync(db, b.EventId, b.TicketTypeId, PlaceKind.Of(b).Attendance, now, ct) == TakeResult.Taken;
            b.Status = took ? BookingStatus.Confirmed : BookingStatus.Waiting;
            b.WaitlistRank = took ? 0 : now.Ticks;
            b.UpdatedUtc = now;
            int? position = took ? null : await WaitlistPositions.OfAsync(db, b, ct);
            Lifecycle.Message(db, BookingTemplates.RequestApproved, b, now, position);
            await db.SaveChangesAsync(ct);
            if (!took)
            {
                await WaitingPeak.RaiseAsync(db, b.EventId, ct);
            }

            return $"Approved {b.Name}" + (took ? string.Empty : " (event full: put on the waiting list)");
        }, ct);

    public Task<Outcome<BookingStatus>> DeclineAsync(Actor actor, int bookingId, string? reason, CancellationToken ct = default) =>
        EndAsync(actor, bookingId, [BookingStatus.AwaitingApproval], "declined", BookingStatus.Declined, BookingTemplates.RequestDeclined, "Declined", reason, ct);

    public Task<Outcome<BookingStatus>> CancelAsync(Actor actor, int bookingId, string? reason, CancellationToken ct = default) =>
        EndAsync(actor, bookingId, [BookingStatus.Confirmed, BookingStatus.Offered, BookingStatus.Held, BookingStatus.Waiting, BookingStatus.AwaitingApproval], "cancelled",
            BookingStatus.Cancelled, BookingTemplates.BookingCancelled, "Cancelled", reason, ct);

    /// <summary>Moves a waiting person one place up their list (in person or online: each kind has its own).</summary>
    public Task<Outcome<BookingStatus>> MoveUpAsync(Actor actor, int bookingId, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.Waiting], "moved-up", async (db, b, now) =>
        {
            var ahead = await (await WaitlistPositions.AheadAsync(db, b, ct))
                .OrderByDescending(x => x.WaitlistRank).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
            if (ahead is null)
            {
                return $"{b.Name} is already first on the waiting list";
            }

            if (ahead.WaitlistRank == b.WaitlistRank)
            {
                b.WaitlistRank = ahead.WaitlistRank - 1;
            }
            else
            {
                (b.WaitlistRank, ahead.WaitlistRank) = (ahead.WaitlistRank, b.WaitlistRank);
            }

            b.UpdatedUtc = now;
            await db.SaveChangesAsync(ct);
            return $"Moved {b.Name} above {ahead.Name} on the waiting list";
        }, ct);

    /// <summary>Offers a free place to this person now, ahead of the list order. Never oversells: needs a free place.</summary>
    public Task<Outcome<BookingStatus>> OfferPlaceAsync(Actor actor, int bookingId, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.Waiting], "offered", async (db, b, now) =>
        {
            var result = await Places.TryTakeAsync(db, b.EventId, b.TicketTypeId, PlaceKind.Of(b).Attendance, now, ct);
            if (result != TakeResult.Taken)
            {
                return null;
            }

            Lifecycle.Promote(db, b, await Lifecycle.SettingsAsync(db, b.EventId, ct), now);
            await db.SaveChangesAsync(ct);
            return $"Offered a place to {b.Name} by hand";
        }, ct, refusal: BookingErrors.NoPlaceFree);

    /// <summary>Passes free places (after a capacity increase, say) to the people waiting.</summary>
    public async Task<int> FillFreePlacesAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        if (await EventAccess.CheckAsync(dbFactory, actor, eventId, Permission.Edit, ct) is not null)
        {
            return 0;
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await Lifecycle.FillEventAsync(db, eventId, clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        return n;
    }

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    /// <summary>Ends a booking (decline, cancel): frees what it held, tells the person, audits "Declined Ann: reason".</summary>
    private Task<Outcome<BookingStatus>> EndAsync(
        Actor actor, int bookingId, BookingStatus[] allowed, string action, BookingStatus endStatus, string template, string verb, string? reason, CancellationToken ct) =>
        ChangeAsync(actor, bookingId, allowed, action, async (db, b, now) =>
        {
            await Lifecycle.EndAsync(db, b, endStatus, template, Clean(reason), now, ct);
            return $"{verb} {b.Name}" + (Clean(reason) is { } r ? ": " + r : string.Empty);
        }, ct);

    /// <summary>Runs one change to a booking in a transaction; the change returns the audit detail, or null to refuse.</summary>
    private Task<Outcome<BookingStatus>> ChangeAsync(
        Actor actor, int bookingId, BookingStatus[] allowed, string action,
        Func<EventHubDbContext, Booking, DateTime, Task<string?>> change, CancellationToken ct, Refusal? refusal = null) =>
        _writes.RunAsync(actor, OrganiserWrites.EventOfBooking(bookingId), Permission.Edit, async w =>
        {
            await using var tx = await w.Db.Database.BeginTransactionAsync(ct);
            var b = await w.Db.Set<Booking>().Include(x => x.TicketType).FirstOrDefaultAsync(x => x.Id == bookingId, ct);
            if (b is null)
            {
                return Outcome<BookingStatus>.NotFound(BookingErrors.BookingGone);
            }

            if (!allowed.Contains(b.Status))
            {
                return Outcome<BookingStatus>.Refused(BookingErrors.WrongState);
            }

            var detail = await change(w.Db, b, w.NowUtc);
            if (detail is null)
            {
                await tx.RollbackAsync(ct);
                return Outcome<BookingStatus>.Refused(refusal ?? BookingErrors.WrongState);
            }

            w.Audit(b.EventId, b.Id, action, detail);
            await w.Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<BookingStatus>.Ok(b.Status);
        }, ct, BookingErrors.BookingGone);
}
