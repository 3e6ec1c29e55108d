using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events;

/// <summary>
/// "Copy as a new edition": the next run of an event in minutes. The copy is a draft on the chosen date with the
/// same rooms and sessions (moved by whole days on the event's wall clock) and privacy notice; features built on events copy their own
/// settings through <see cref="IEditionCopyPart"/>. Bookings, places taken and anything people did are not copied.
/// </summary>
public sealed class EditionCopyService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IEnumerable<IEditionCopyPart> parts)
{
    public const string DateField = "NewStartDate";

    public async Task<Outcome<EditionCopy>> CopyAsync(Actor actor, int eventId, DateOnly? newStartDate, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<EditionCopy>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<EditionCopy>.Refused(refusal);
        }

        var source = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);

        if (newStartDate is not { } date)
        {
            return Outcome<EditionCopy>.Refused(EventErrors.CopyDateMissing, DateField);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(EventTime.ToLocal(now, source.TimeZoneId));
        if (date <= today)
        {
            return Outcome<EditionCopy>.Refused(EventErrors.CopyDateNotInFuture, DateField);
        }

        var shift = EditionShift.Between(source, date);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var copy = new Event
        {
            SeriesId = source.SeriesId,
            Title = source.Title,
            Slug = await NewSlugAsync(db, source.Title, date, ct),
            Summary = source.Summary,
            Kind = source.Kind,
            VenueName = source.VenueName,
            VenueAddress = source.VenueAddress,
            OnlineUrl = source.OnlineUrl,
            Tags = source.Tags,
            TimeZoneId = source.TimeZoneId,
            StartUtc = shift.Apply(source.StartUtc),
            EndUtc = shift.Apply(source.EndUtc),
            BookingOpensUtc = shift.Apply(source.BookingOpensUtc),
            BookingClosesUtc = shift.Apply(source.BookingClosesUtc),
            Capacity = source.Capacity,
            PrivacyNotice = source.PrivacyNotice,
            Status = EventStatus.Draft,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Events.Add(copy);
        await EventAccess.AddOwnerAsync(db, actor, copy, null, now, ct);
        await db.SaveChangesAsync(ct);

        var copied = new List<string>();
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync(ct);
        var newRooms = rooms.ToDictionary(r => r.Id, r => new Room
        {
            EventId = copy.Id,
            Name = r.Name,
            Capacity = r.Capacity,
            AccessibilityNotes = r.AccessibilityNotes,
            SortOrder = r.SortOrder,
        });
        db.Rooms.AddRange(newRooms.Values);
        await db.SaveChangesAsync(ct);
        copied.Add(Count(rooms.Count, "room"));

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.Id).ToListAsync(ct);
        db.Sessions.AddRange(sessions.Select(s => new Session
        {
            EventId = copy.Id,
            RoomId = s.RoomId is { } roomId && newRooms.TryGetValue(roomId, out var room) ? room.Id : null,
            Title = s.Title,
            Description = s.Description,
            Speakers = s.Speakers,
            StartUtc = shift.Apply(s.StartUtc),
            EndUtc = shift.Apply(s.EndUtc),
            Capacity = s.Capacity,
        }));
        copied.Add(Count(sessions.Count, "session"));
        if (!string.IsNullOrWhiteSpace(source.PrivacyNotice))
        {
            copied.Add("the privacy notice");
        }

        foreach (var part in parts)
        {
            copied.AddRange(await part.CopyAsync(db, eventId, copy.Id, shift, ct));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<EditionCopy>.Ok(new EditionCopy(copy, copied));
    }

    /// <summary>"3 rooms", "1 room": for the lines that say what was copied.</summary>
    public static string Count(int n, string thing) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + thing + (n == 1 ? string.Empty : "s");

    private static async Task<string> NewSlugAsync(EventHubDbContext db, string title, DateOnly date, CancellationToken ct)
    {
        var suffix = "-" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var baseSlug = Slugs.FromTitle(title);
        baseSlug = (baseSlug.Length == 0 ? "event" : baseSlug[..Math.Min(baseSlug.Length, Slugs.MaxLength - suffix.Length)].TrimEnd('-')) + suffix;
        return await Slugs.MakeUniqueAsync(baseSlug, c => db.Events.AnyAsync(e => e.Slug == c, ct));
    }
}
