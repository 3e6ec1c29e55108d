using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>
/// The door that works offline: preparing a device (the event's tickets as salted hashes), taking in the check-ins it
/// made without a connection, and showing the organiser the tickets let in at two doors.
/// </summary>
public sealed class OfflineDoorService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal live)
{
    /// <summary>
    /// The event's confirmed tickets for a door device to keep, under a salt made for this preparation. Online places come
    /// marked as such, so the device refuses them with the reason (as the online door does) instead of "not recognised".
    /// </summary>
    public async Task<Outcome<OfflinePack>> PrepareAsync(Door door, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (who, refusal) = await DoorIdentity.ResolveAsync(db, door, eventId, now, ct);
        if (who is null)
        {
            return Outcome<OfflinePack>.Refused(refusal!);
        }

        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Title, e.EndUtc, e.TimeZoneId }).FirstAsync(ct);
        var salt = SecureTokens.New(16);
        var tickets = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed && b.CheckInCode != null)
            .OrderBy(b => b.Id)
            .Select(b => new
            {
                Code = b.CheckInCode!, b.Name, b.Organisation,
                TicketType = b.TicketType != null ? b.TicketType.Name : string.Empty,
                Needs = b.DietaryNeeds != string.Empty || b.AccessNeeds != string.Empty,
                CheckedIn = db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id),
                Online = b.TicketTypeId != null && b.TicketType!.Attendance == Attendance.Online,
            })
            .ToListAsync(ct);
        return Outcome<OfflinePack>.Ok(new OfflinePack(
            eventId, ev.Title, who.Name, ev.TimeZoneId, salt, now, DateTime.SpecifyKind(CheckInRules.OfflineForgetUtc(ev.EndUtc, ev.TimeZoneId), DateTimeKind.Utc),
            tickets.Select(t => new OfflineTicket(HashOf(salt, t.Code), t.Name, t.Organisation, t.TicketType, t.Needs, t.CheckedIn, t.Online)).ToList()));
    }

    /// <summary>
    /// Records check-ins a device made offline. A ticket nobody let in yet is checked in at the time the device says
    /// (never later than now). A ticket another door let in too is a conflict: both scans are kept, the check-in keeps
    /// the earlier time, and the organiser sees the pair. Sending the same check-in twice records it once.
    /// </summary>
    public async Task<Outcome<OfflineSyncResult>> SyncAsync(Door door, int eventId, string salt, IReadOnlyList<OfflineCheckIn> checkIns, CancellationToken ct = default)
    {
        if (checkIns.Count > CheckInRules.MaxOfflineBatch)
        {
            return Outcome<OfflineSyncResult>.Refused(CheckInErrors.OfflineBatchTooLarge);
        }

        if (string.IsNullOrEmpty(salt) || salt.Length > CheckInRules.MaxCodeLength)
        {
            return Outcome<OfflineSyncResult>.Refused(CheckInErrors.OfflineSaltInvalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (who, refusal) = await DoorIdentity.ResolveAsync(db, door, eventId, now, ct);
        if (who is null)
        {
            return Outcome<OfflineSyncResult>.Refused(refusal!);
        }

        // The device holds hashes only: hash every ticket of the event under its salt and look the device's up.
        var bookings = (await db.Set<Booking>().AsNoTracking()
                .Where(b => b.EventId == eventId && b.CheckInCode != null)
                .Select(b => new { b.Id, Code = b.CheckInCode!, b.Status, Online = b.TicketTypeId != null && b.TicketType!.Attendance == Attendance.Online })
                .ToListAsync(ct))
            .ToDictionary(b => HashOf(salt, b.Code), b => (b.Id, b.Status, b.Online), StringComparer.Ordinal);

        var items = new List<OfflineSyncItem>(checkIns.Count);
        var changed = false;
        foreach (var checkIn in checkIns)
        {
            if (checkIn.Hash is null || !bookings.TryGetValue(checkIn.Hash, out var booking))
            {
                items.Add(new OfflineSyncItem(checkIn.Hash ?? string.Empty, OfflineSyncStatus.NotValid, CheckInErrors.UnknownCode.Message));
                continue;
            }

            if ((CheckInErrors.ForStatus(booking.Status) ?? (booking.Online ? CheckInErrors.OnlinePlace : null)) is { } notValid)
            {
                items.Add(new OfflineSyncItem(checkIn.Hash, OfflineSyncStatus.NotValid, notValid.Message));
                continue;
            }

            var at = checkIn.CheckedInUtc.Kind == DateTimeKind.Local ? checkIn.CheckedInUtc.ToUniversalTime() : DateTime.SpecifyKind(checkIn.CheckedInUtc, DateTimeKind.Utc);
            at = at > now ? now : at;
            var status = await RecordAsync(db, who, eventId, booking.Id, at, now, ct);
            changed |= status is OfflineSyncStatus.Recorded or OfflineSyncStatus.Conflict;
            items.Add(new OfflineSyncItem(checkIn.Hash, status, status switch
            {
                OfflineSyncStatus.Conflict => "Checked in at another door too: the organiser can see both",
                _ => "Checked in",
            }));
        }

        if (changed)
        {
            live.Publish(eventId, LiveTopics.CheckIn);
        }

        return Outcome<OfflineSyncResult>.Ok(new OfflineSyncResult(items));
    }

    /// <summary>Tickets let in at two doors, for the organiser's attendance page.</summary>
    public Task<Outcome<CheckInConflicts>> ConflictsAsync(Actor actor, int eventId, CancellationToken ct = default) =>
        CheckInAccess.ReadAsync(dbFactory, actor, eventId, Permission.ViewAttendees, async (db, zone) =>
        {
            var rows = await db.Set<CheckInConflict>().AsNoTracking()
                .Where(c => c.EventId == eventId)
                .OrderBy(c => c.KeptUtc).ThenBy(c => c.Id)
                .Select(c => new CheckInConflictRow(
                    db.Set<Booking>().Where(b => b.Id == c.BookingId).Select(b => b.Name).FirstOrDefault() ?? string.Empty,
                    c.KeptUtc, c.KeptBy, c.OtherUtc, c.OtherBy))
                .ToListAsync(ct);
            return new CheckInConflicts(zone, rows);
        }, ct);

    /// <summary>The salted hash a prepared device keeps for a ticket code (the browser computes the same).</summary>
    public static string HashOf(string salt, string code) => SecureTokens.Hash(salt + ":" + code);

    private static async Task<OfflineSyncStatus> RecordAsync(EventHubDbContext db, DoorIdentity who, int eventId, int bookingId, DateTime at, DateTime now, CancellationToken ct)
    {
        var existing = await db.Set<CheckInRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.BookingId == bookingId, ct);
        if (existing is null)
        {
            db.Add(new CheckInRecord
            {
                BookingId = bookingId, EventId = eventId, CheckedInUtc = at,
                DoorLinkId = who.DoorLinkId, OrganiserUserId = who.OrganiserUserId, CheckedInBy = who.Name,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return OfflineSyncStatus.Recorded;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another door's check-in arrived a moment earlier: this one is a conflict with it.
                db.ChangeTracker.Clear();
                existing = await db.Set<CheckInRecord>().AsNoTracking().FirstAsync(c => c.BookingId == bookingId, ct);
            }
        }

        var sameTime = existing.CheckedInUtc == at;
        if (sameTime && who.Made(existing.DoorLinkId, existing.OrganiserUserId)
            || await db.Set<CheckInConflict>().AnyAsync(c => c.BookingId == bookingId && (c.OtherUtc == at && c.OtherBy == who.Name || c.KeptUtc == at && c.KeptBy == who.Name), ct))
        {
            return OfflineSyncStatus.AlreadySynced;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var earlier = at < existing.CheckedInUtc;
        if (earlier)
        {
            // The first time is kept: this door let them in before the one on record. The condition on the time makes
            // a concurrent move of the same record lose rather than overwrite.
            var moved = await db.Set<CheckInRecord>()
                .Where(c => c.Id == existing.Id && c.CheckedInUtc == existing.CheckedInUtc)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.CheckedInUtc, at)
                    .SetProperty(c => c.CheckedInBy, who.Name)
                    .SetProperty(c => c.DoorLinkId, who.DoorLinkId)
                    .SetProperty(c => c.OrganiserUserId, who.OrganiserUserId), ct);
            earlier = moved == 1;
        }

        db.Add(new CheckInConflict
        {
            EventId = eventId, BookingId = bookingId, RecordedUtc = now,
            KeptUtc = earlier ? at : existing.CheckedInUtc, KeptBy = earlier ? who.Name : existing.CheckedInBy,
            OtherUtc = earlier ? existing.CheckedInUtc : at, OtherBy = earlier ? existing.CheckedInBy : who.Name,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return OfflineSyncStatus.Conflict;
    }
}
