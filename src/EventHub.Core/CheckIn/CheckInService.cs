using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>The door: scans, search, undo, counts and the printable list.</summary>
public sealed class CheckInService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal live)
{
    /// <summary>Checks in the ticket whose QR (or typed code) is <paramref name="code"/> at a door of event <paramref name="eventId"/>.</summary>
    public async Task<CheckInResult> CheckInAsync(string code, Door door, int eventId, CancellationToken ct = default)
    {
        var trimmed = (code ?? string.Empty).Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (who, refusal) = await DoorIdentity.ResolveAsync(db, door, eventId, clock.GetUtcNow().UtcDateTime, ct);
        if (who is null)
        {
            return CheckInResult.Refused(CheckInStatus.DoorNotAllowed, refusal!);
        }

        if (trimmed.Length == 0 || trimmed.Length > CheckInRules.MaxCodeLength)
        {
            return CheckInResult.Refused(CheckInStatus.NotValid, CheckInErrors.UnknownCode);
        }

        var snap = await db.Set<Bookings.Booking>().AsNoTracking()
            .Where(b => b.CheckInCode == trimmed)
            .Select(Snapshot)
            .FirstOrDefaultAsync(ct);
        return await CheckInSnapshotAsync(db, snap, who, eventId, ct);
    }

    /// <summary>Checks in someone found by search (no ticket with them).</summary>
    public async Task<CheckInResult> CheckInBookingAsync(int bookingId, Door door, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (who, refusal) = await DoorIdentity.ResolveAsync(db, door, eventId, clock.GetUtcNow().UtcDateTime, ct);
        if (who is null)
        {
            return CheckInResult.Refused(CheckInStatus.DoorNotAllowed, refusal!);
        }

        var snap = await db.Set<Bookings.Booking>().AsNoTracking().Where(b => b.Id == bookingId).Select(Snapshot).FirstOrDefaultAsync(ct);
        return await CheckInSnapshotAsync(db, snap, who, eventId, ct);
    }

    /// <summary>Takes back a mistaken check-in, and records who took it back and when.</summary>
    public async Task<Outcome<bool>> UndoAsync(int bookingId, Door door, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (who, refusal) = await DoorIdentity.ResolveAsync(db, door, eventId, clock.GetUtcNow().UtcDateTime, ct);
        if (who is null)
        {
            return Outcome<bool>.Refused(refusal!);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await db.Set<CheckInRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.BookingId == bookingId && c.EventId == eventId, ct);

        // The conditional delete decides between two doors undoing the same check-in: only the one that removed
        // the row writes the history.
        var removed = record is null ? 0 : await db.Set<CheckInRecord>().Where(c => c.Id == record.Id).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return Outcome<bool>.Refused(CheckInErrors.NotCheckedIn);
        }

        db.Add(new CheckInUndo
        {
            EventId = eventId,
            BookingId = bookingId,
            CheckedInUtc = record!.CheckedInUtc,
            CheckedInBy = record.CheckedInBy,
            UndoneUtc = clock.GetUtcNow().UtcDateTime,
            UndoneBy = who.Name,
            UndoneByDoorLinkId = who.DoorLinkId,
            UndoneByOrganiserUserId = who.OrganiserUserId,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        live.Publish(eventId, LiveTopics.CheckIn);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Every undone check-in of the event, newest first, for the organiser's attendance page.</summary>
    public Task<Outcome<UndoHistory>> UndoHistoryAsync(Actor actor, int eventId, CancellationToken ct = default) =>
        CheckInAccess.ReadAsync(dbFactory, actor, eventId, Permission.ViewAttendees, async (db, zone) =>
        {
            var rows = await db.Set<CheckInUndo>().AsNoTracking()
                .Where(u => u.EventId == eventId)
                .OrderByDescending(u => u.UndoneUtc).ThenByDescending(u => u.Id)
                .Select(u => new UndoHistoryRow(
                    db.Set<Bookings.Booking>().Where(b => b.Id == u.BookingId).Select(b => b.Name).FirstOrDefault() ?? string.Empty,
                    u.CheckedInUtc, u.CheckedInBy, u.UndoneUtc, u.UndoneBy))
                .ToListAsync(ct);
            return new UndoHistory(zone, rows);
        }, ct);

    public async Task<Outcome<CheckInCounts>> CountsAsync(Door door, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await DoorIdentity.ResolveAsync(db, door, eventId, clock.GetUtcNow().UtcDateTime, ct)).Refusal is { } refusal)
        {
            return Outcome<CheckInCounts>.Refused(refusal);
        }

        return Outcome<CheckInCounts>.Ok(await CountsCoreAsync(db, eventId, ct));
    }

    /// <summary>
    /// Finds people without their ticket by name or the start of their email, confirmed bookings first, a page at a
    /// time. A door link (anyone holding the phone) needs at least <see cref="CheckInRules.MinSearchLength"/> characters,
    /// finds only people with a place or already checked in, and matches an email only from its start, so it cannot
    /// list every address at a domain.
    /// </summary>
    public async Task<Outcome<PagedResult<DoorSearchRow>>> SearchAsync(Door door, int eventId, string term, int page = 0, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((await DoorIdentity.ResolveAsync(db, door, eventId, clock.GetUtcNow().UtcDateTime, ct)).Refusal is { } refusal)
        {
            return Outcome<PagedResult<DoorSearchRow>>.Refused(refusal);
        }

        var t = (term ?? string.Empty).Trim().ToLowerInvariant();
        if (t.Length > CheckInRules.MaxSearchLength)
        {
            t = t[..CheckInRules.MaxSearchLength];
        }

        var (skip, take) = Paging.Window(page, pageSize);
        var byLink = door.LinkToken is not null;
        if (t.Length == 0 || (byLink && t.Length < CheckInRules.MinSearchLength))
        {
            return Outcome<PagedResult<DoorSearchRow>>.Ok(new PagedResult<DoorSearchRow>([], 0, page, take));
        }

        var q = db.Set<Bookings.Booking>().AsNoTracking()
            .Where(b => b.EventId == eventId && (b.Name.ToLower().Contains(t) || (byLink ? b.NormalisedEmail.StartsWith(t) : b.NormalisedEmail.Contains(t))));
        if (byLink)
        {
            q = q.Where(b => b.Status == BookingStatus.Confirmed || db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id));
        }

        var total = await q.CountAsync(ct);
        var rows = await q
            .OrderBy(b => b.Status == BookingStatus.Confirmed ? 0 : 1).ThenBy(b => b.Name).ThenBy(b => b.Id)
            .Skip(skip).Take(take)
            .Select(b => new DoorSearchRow(
                b.Id, b.Name, b.Organisation, b.TicketType != null ? b.TicketType.Name : string.Empty, b.Status,
                b.DietaryNeeds != string.Empty || b.AccessNeeds != string.Empty,
                db.Set<CheckInRecord>().Where(c => c.BookingId == b.Id).Select(c => (DateTime?)c.CheckedInUtc).FirstOrDefault()))
            .ToListAsync(ct);
        return Outcome<PagedResult<DoorSearchRow>>.Ok(new PagedResult<DoorSearchRow>(rows, total, page, take));
    }

    /// <summary>
    /// The paper list for when the network fails: confirmed people with a place in the room (an online place never comes
    /// through the door), alphabetical, with a needs flag but never the needs, so anyone who may work the door (the Door
    /// role too) may print it.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DoorListRow>>> DoorListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.Door, ct) is { } refusal)
        {
            return Outcome<IReadOnlyList<DoorListRow>>.Refused(refusal);
        }

        var rows = await db.Set<Bookings.Booking>().AsNoTracking()
            .Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed)
            .Where(BookedPlace.InPerson)
            .Select(b => new DoorListRow(
                b.Name, b.Organisation, b.TicketType != null ? b.TicketType.Name : string.Empty, b.Reference,
                b.DietaryNeeds != string.Empty || b.AccessNeeds != string.Empty,
                db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id)))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<DoorListRow>>.Ok(
            rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList());
    }

    /// <summary>The door's counts: confirmed places in the room, and how many of them are checked in.</summary>
    internal static async Task<CheckInCounts> CountsCoreAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var room = db.Set<Bookings.Booking>().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed).Where(BookedPlace.InPerson);
        var confirmed = await room.CountAsync(ct);
        var checkedIn = await room.CountAsync(b => db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id), ct);
        return new CheckInCounts(checkedIn, confirmed);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Bookings.Booking, ScanSnapshot>> Snapshot = b => new ScanSnapshot(
        b.Id, b.EventId, b.Status, b.Name, b.Organisation, b.TicketType != null ? b.TicketType.Name : string.Empty,
        b.AccessNeeds != string.Empty || b.DietaryNeeds != string.Empty,
        b.TicketTypeId != null && b.TicketType!.Attendance == Attendance.Online);

    private async Task<CheckInResult> CheckInSnapshotAsync(EventHubDbContext db, ScanSnapshot? snap, DoorIdentity who, int eventId, CancellationToken ct)
    {
        if (snap is null)
        {
            return CheckInResult.Refused(CheckInStatus.NotValid, CheckInErrors.UnknownCode);
        }

        if (snap.EventId != eventId)
        {
            return CheckInResult.Refused(CheckInStatus.NotValid, CheckInErrors.OtherEvent);
        }

        var refusal = CheckInErrors.ForStatus(snap.Status) ?? (snap.Online ? CheckInErrors.OnlinePlace : null);
        if (refusal is not null)
        {
            return new CheckInResult(CheckInStatus.NotValid, refusal.Code, refusal.Message, snap.BookingId, snap.Name, snap.Organisation, snap.TicketType);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await ExistingAsync(db, snap.BookingId, ct);
        if (existing is null)
        {
            db.Add(new CheckInRecord
            {
                BookingId = snap.BookingId,
                EventId = eventId,
                CheckedInUtc = now,
                DoorLinkId = who.DoorLinkId,
                OrganiserUserId = who.OrganiserUserId,
                CheckedInBy = who.Name,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                live.Publish(eventId, LiveTopics.CheckIn);
                return new CheckInResult(CheckInStatus.CheckedIn, CheckInResult.CheckedInCode, "Checked in", snap.BookingId, snap.Name, snap.Organisation, snap.TicketType, snap.NeedsAttention, now, who.Name);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another door won the same ticket a moment ago: the unique index on BookingId decided.
                db.ChangeTracker.Clear();
                existing = await ExistingAsync(db, snap.BookingId, ct);
            }
        }

        return new CheckInResult(CheckInStatus.AlreadyCheckedIn, CheckInResult.AlreadyCheckedInCode, "Already checked in", snap.BookingId, snap.Name, snap.Organisation, snap.TicketType, snap.NeedsAttention, existing?.CheckedInUtc, existing?.CheckedInBy);
    }

    private static Task<CheckInRecord?> ExistingAsync(EventHubDbContext db, int bookingId, CancellationToken ct) =>
        db.Set<CheckInRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.BookingId == bookingId, ct);

    private sealed record ScanSnapshot(int BookingId, int EventId, BookingStatus Status, string Name, string Organisation, string TicketType, bool NeedsAttention, bool Online);
}
