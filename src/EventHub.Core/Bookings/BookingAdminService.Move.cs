using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Move a confirmed booking to <paramref name="TicketTypeId"/> and/or give it exactly <paramref name="SessionIds"/>
/// (null leaves the sessions as they are).
/// </summary>
public sealed record MoveRequest(int BookingId, int? TicketTypeId, IReadOnlyCollection<int>? SessionIds = null);

public sealed partial class BookingAdminService
{
    /// <summary>
    /// Moves a confirmed booking to another ticket type or other sessions. The new places are taken with the same
    /// conditional updates as booking, in one transaction, so a full target refuses and nothing changes; the places
    /// given up go to the people waiting. The person is emailed and the move is audited. Answers the change in words.
    /// </summary>
    public async Task<Outcome<string>> MoveAsync(Actor actor, MoveRequest request, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<string>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await db.Set<Booking>().Include(x => x.TicketType).Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == request.BookingId, ct);
        if (b is null)
        {
            return Outcome<string>.Refused(ErrorCodes.NotFound, "That booking no longer exists. Reload the list of attendees.");
        }

        if (b.Status != BookingStatus.Confirmed)
        {
            return Outcome<string>.Refused(BookingError.WrongState, $"Only confirmed bookings can be moved, and {b.Name}'s is not confirmed. Approve or offer them a place first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<string>();
        int? freedTicketType = null;
        if (request.TicketTypeId != b.TicketTypeId)
        {
            if (request.TicketTypeId is not { } targetId)
            {
                return Outcome<string>.Invalid(nameof(MoveRequest.TicketTypeId), "Choose the ticket type to move them to");
            }

            var target = await db.Set<TicketType>().FirstOrDefaultAsync(t => t.Id == targetId && t.EventId == b.EventId, ct);
            if (target is null)
            {
                return Outcome<string>.Invalid(nameof(MoveRequest.TicketTypeId), "That ticket type is not part of this event. Choose another ticket type");
            }

            if (!await Places.TryTakeTicketTypeAsync(db, targetId, ct))
            {
                return Outcome<string>.Refused(BookingError.TargetFull,
                    $"\"{target.Name}\" is full: all {target.Quota} places are taken. Raise its quota in the booking settings, or choose another ticket type. Nothing was changed.");
            }

            if (b.TicketTypeId is { } oldId)
            {
                await Places.ReleaseTicketTypeAsync(db, oldId, ct);
                freedTicketType = oldId;
            }

            changes.Add($"Ticket type: {b.TicketType?.Name ?? "none"} to {target.Name}");
            b.TicketType = target;
            b.TicketTypeId = targetId;
        }

        var freedSessions = new List<int>();
        if (request.SessionIds is { } sessionIds)
        {
            var wanted = sessionIds.ToHashSet();
            var titles = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == b.EventId && (wanted.Contains(s.Id) || s.Capacity != null))
                .ToDictionaryAsync(s => s.Id, s => s.Title, ct);
            if (!wanted.All(titles.ContainsKey))
            {
                return Outcome<string>.Invalid(nameof(MoveRequest.SessionIds), BookingError.Message(BookingError.SessionUnavailable));
            }

            foreach (var sb in b.Sessions.Where(s => !wanted.Contains(s.SessionId)).ToList())
            {
                if (sb.Status == SessionBookingStatus.Confirmed)
                {
                    await Places.ReleaseSessionAsync(db, sb.SessionId, ct);
                    freedSessions.Add(sb.SessionId);
                }

                changes.Add("Left " + titles.GetValueOrDefault(sb.SessionId, "a session"));
                b.Sessions.Remove(sb);
                db.Remove(sb);
            }

            foreach (var sessionId in wanted.Where(id => b.Sessions.All(s => s.SessionId != id)).Order())
            {
                if (!await Places.TryTakeSessionAsync(db, sessionId, ct))
                {
                    return Outcome<string>.Refused(BookingError.TargetFull,
                        $"The session \"{titles[sessionId]}\" is full. Raise its capacity on the event page, or choose another session. Nothing was changed.");
                }

                b.Sessions.Add(new SessionBooking { SessionId = sessionId, Status = SessionBookingStatus.Confirmed, CreatedUtc = now });
                changes.Add("Joined " + titles[sessionId]);
            }
        }

        if (changes.Count == 0)
        {
            return Outcome<string>.Invalid(nameof(MoveRequest.TicketTypeId), "Choose a different ticket type or different sessions: these are the ones they already have");
        }

        var summary = string.Join("; ", changes);
        b.UpdatedUtc = now;
        Lifecycle.Message(db, EmailTemplates.BookingChanged, b, now, reason: summary);
        AddAudit(db, actor, b.EventId, b.Id, "moved", $"Moved {b.Name}: {summary}");
        await db.SaveChangesAsync(ct);
        foreach (var sessionId in freedSessions)
        {
            await Lifecycle.FillSessionAsync(db, sessionId, now, ct);
        }

        if (freedTicketType is not null)
        {
            // The event place stays taken; someone waiting only because the old type was full may now get in.
            await Lifecycle.FillEventAsync(db, b.EventId, now, ct);
        }

        await tx.CommitAsync(ct);
        return Outcome<string>.Ok(summary);
    }
}
