using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>"I'd like to go": people mark interest in a board session, so rooms can match demand and they hear of moves.</summary>
public sealed class InterestService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal)
{
    /// <summary>
    /// "I'd like to go". The caller (the manage page, or the phone view) supplies the person's name and email so
    /// they can be told if the session moves. Marking twice is harmless.
    /// </summary>
    public async Task<Outcome<InterestResult>> MarkInterestAsync(int sessionId, string? name, string? email, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("Name", OpenSpaceErrors.InterestName.Message));
        }

        if (!EmailAddresses.IsValid(email))
        {
            errors.Add(new("Email", OpenSpaceErrors.InterestEmail.Message));
        }

        if (errors.Count > 0)
        {
            return Outcome<InterestResult>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cell = await db.Set<BoardCell>().AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (cell is null)
        {
            return Outcome<InterestResult>.Refused(OpenSpaceErrors.NotOnBoard);
        }

        var normalised = EmailAddresses.Normalise(email);
        if (!await db.Set<InterestMark>().AnyAsync(i => i.SessionId == sessionId && i.Email == normalised, ct))
        {
            db.Add(new InterestMark
            {
                SessionId = sessionId,
                Name = OpenSpaceRules.Truncate(name!.Trim(), OpenSpaceRules.MaxNameLength),
                Email = normalised,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Marked twice at once: the first one counts.
            }
        }

        var eventId = cell.EventId;
        var roomId = cell.RoomId;
        var count = await db.Set<InterestMark>().CountAsync(i => i.SessionId == sessionId, ct);
        var room = await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == roomId, ct);
        var title = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).FirstAsync(ct);
        signal.Publish(eventId, LiveTopics.Board);
        return Outcome<InterestResult>.Ok(new InterestResult(sessionId, count,
            OpenSpaceRules.InterestOverCapacity(title, count, room.Capacity, room.Name)));
    }

    /// <summary>
    /// Clears "I'd like to go" for an email. Internal: only a caller that has proved who the person is (the ticket
    /// holder's manage link) may clear it, or anyone could take someone else off a session by guessing their email.
    /// </summary>
    internal async Task<int> RemoveInterestAsync(int sessionId, string? email, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalised = EmailAddresses.Normalise(email);
        await db.Set<InterestMark>().Where(i => i.SessionId == sessionId && i.Email == normalised).ExecuteDeleteAsync(ct);
        var eventId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (int?)s.EventId).FirstOrDefaultAsync(ct);
        if (eventId is { } id)
        {
            signal.Publish(id, LiveTopics.Board);
        }

        return await db.Set<InterestMark>().CountAsync(i => i.SessionId == sessionId, ct);
    }
}
