using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events;

/// <summary>Organiser use cases for an event's agenda: its rooms and its sessions.</summary>
public sealed class AgendaService(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<Outcome<Room>> SaveRoomAsync(Actor actor, int eventId, int? roomId, RoomInput input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<Room>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<Room>.Refused(refusal);
        }

        var errors = EventRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<Room>.Invalid(errors);
        }

        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome<Room>.NotFound(EventErrors.EventGone);
        }

        var name = input.Name.Trim();
        if (await db.Rooms.AnyAsync(r => r.EventId == eventId && r.Name == name && r.Id != roomId, ct))
        {
            return Outcome<Room>.Invalid(nameof(RoomInput.Name), EventErrors.RoomNameTaken.Message);
        }

        Room? room;
        if (roomId is null)
        {
            var order = await db.Rooms.Where(r => r.EventId == eventId).Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? 0;
            room = new Room { EventId = eventId, Name = name, SortOrder = order + 1 };
            db.Rooms.Add(room);
        }
        else
        {
            room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.EventId == eventId, ct);
            if (room is null)
            {
                return Outcome<Room>.NotFound(EventErrors.RoomGone);
            }
        }

        room.Name = name;
        room.Capacity = input.Capacity;
        room.AccessibilityNotes = input.AccessibilityNotes.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<Room>.Invalid(nameof(RoomInput.Name), EventErrors.RoomNameTaken.Message);
        }

        return Outcome<Room>.Ok(room);
    }

    public async Task<Outcome<bool>> DeleteRoomAsync(Actor actor, int eventId, int roomId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        if (await db.Sessions.AnyAsync(s => s.RoomId == roomId, ct))
        {
            return Outcome<bool>.Refused(EventErrors.RoomInUse);
        }

        db.PublishOnCommit(eventId, LiveTopics.Public);
        var deleted = await db.Rooms.Where(r => r.Id == roomId && r.EventId == eventId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Outcome<bool>.NotFound(EventErrors.RoomGone) : Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<Session>> SaveSessionAsync(Actor actor, int eventId, int? sessionId, SessionInput input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<Session>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<Session>.Refused(refusal);
        }

        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null)
        {
            return Outcome<Session>.NotFound(EventErrors.EventGone);
        }

        var errors = EventRules.Validate(input, ev, out var times);
        if (errors.Count > 0)
        {
            return Outcome<Session>.Invalid(errors);
        }

        if (input.RoomId is { } roomId)
        {
            if (!await db.Rooms.AnyAsync(r => r.Id == roomId && r.EventId == eventId, ct))
            {
                return Outcome<Session>.Invalid(nameof(SessionInput.RoomId), EventErrors.ChosenRoomGone.Message);
            }

            var (start, end) = times!.Value;
            var clash = await db.Sessions
                .Where(s => s.EventId == eventId && s.RoomId == roomId && s.Id != sessionId && s.StartUtc < end && start < s.EndUtc)
                .Select(s => new { s.Title, s.StartUtc, s.EndUtc })
                .FirstOrDefaultAsync(ct);
            if (clash is not null)
            {
                return Outcome<Session>.Invalid(nameof(SessionInput.RoomId),
                    $"The room is already used by \"{clash.Title}\" from {EventTime.FormatClock(clash.StartUtc, ev.TimeZoneId)} to " +
                    $"{EventTime.FormatClock(clash.EndUtc, ev.TimeZoneId)}. Choose another room or time");
            }
        }

        Session? session;
        if (sessionId is null)
        {
            session = new Session { EventId = eventId, Title = string.Empty };
            db.Sessions.Add(session);
        }
        else
        {
            session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == eventId, ct);
            if (session is null)
            {
                return Outcome<Session>.NotFound(EventErrors.SessionGone);
            }

            if (input.Capacity is { } cap && cap < session.PlacesTaken)
            {
                return Outcome<Session>.Invalid(nameof(SessionInput.Capacity), $"Capacity cannot be less than the {session.PlacesTaken} places already taken");
            }
        }

        session.Title = input.Title.Trim();
        session.Description = input.Description.Trim();
        session.Speakers = input.Speakers.Trim();
        session.RoomId = input.RoomId;
        session.StartUtc = times!.Value.StartUtc;
        session.EndUtc = times.Value.EndUtc;
        session.Capacity = input.Capacity;
        await db.SaveChangesAsync(ct);
        return Outcome<Session>.Ok(session);
    }

    public async Task<Outcome<bool>> DeleteSessionAsync(Actor actor, int eventId, int sessionId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        db.PublishOnCommit(eventId, LiveTopics.Public);
        var deleted = await db.Sessions.Where(s => s.Id == sessionId && s.EventId == eventId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Outcome<bool>.NotFound(EventErrors.SessionGone) : Outcome<bool>.Ok(true);
    }
}
