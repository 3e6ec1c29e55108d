using EventHub.Core.Common;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>What the move form shows: the booking as it stands and where it could go.</summary>
public sealed record MoveView(
    int BookingId, int EventId, string Name, string Reference, BookingStatus Status, int? TicketTypeId, IReadOnlyList<int> SessionIds,
    IReadOnlyList<TicketType> TicketTypes, IReadOnlyList<Session> Sessions, string TimeZoneId);

public sealed record AuditLogQuery(int EventId, int Page = 0, int PageSize = 50);

public sealed partial class BookingAdminService
{
    public async Task<MoveView?> GetMoveViewAsync(Actor actor, int eventId, int bookingId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Booking>().AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == bookingId && x.EventId == eventId, ct);
        if (b is null)
        {
            return null;
        }

        var zone = await db.Set<Event>().Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstAsync(ct);
        var types = await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var sessions = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == eventId && s.Capacity != null).OrderBy(s => s.StartUtc).ThenBy(s => s.Id).ToListAsync(ct);
        return new MoveView(b.Id, b.EventId, b.Name, b.Reference, b.Status, b.TicketTypeId, b.Sessions.Select(s => s.SessionId).ToList(), types, sessions, zone);
    }

    /// <summary>A ticket type that anyone has booked (even a cancelled booking) stays, so the history stays whole.</summary>
    public async Task<Outcome<string>> RemoveTicketTypeAsync(Actor actor, int eventId, int id, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<string>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = await db.Set<TicketType>().FirstOrDefaultAsync(t => t.Id == id && t.EventId == eventId, ct);
        if (type is null)
        {
            return Outcome<string>.Refused(ErrorCodes.NotFound, "That ticket type no longer exists. Reload the page.");
        }

        var used = await db.Set<Booking>().CountAsync(b => b.TicketTypeId == id, ct);
        if (used > 0)
        {
            return Outcome<string>.Refused(BookingError.InUse,
                $"\"{type.Name}\" cannot be removed because {used} {(used == 1 ? "booking uses" : "bookings use")} it (cancelled bookings and the waiting list count too). "
                + "Move those people to another ticket type from the attendees page, or make it hidden so only people with its private link can choose it.");
        }

        db.Remove(type);
        AddAudit(db, actor, eventId, null, "ticket-type-removed", $"Removed ticket type \"{type.Name}\"");
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(type.Name);
    }

    /// <summary>Swaps a ticket type with its neighbour above (<paramref name="up"/>) or below.</summary>
    public Task<Outcome<string>> MoveTicketTypeAsync(Actor actor, int eventId, int id, bool up, CancellationToken ct = default) =>
        ReorderAsync(actor, eventId, id, up, db => db.Set<TicketType>().Where(t => t.EventId == eventId).ToListAsync(ct), t => t.Id, t => t.SortOrder, (t, n) => t.SortOrder = n, t => t.Name, "ticket-type-moved", ct);

    public Task<Outcome<string>> MoveQuestionAsync(Actor actor, int eventId, int id, bool up, CancellationToken ct = default) =>
        ReorderAsync(actor, eventId, id, up, db => db.Set<RegistrationQuestion>().Where(q => q.EventId == eventId).ToListAsync(ct), q => q.Id, q => q.SortOrder, (q, n) => q.SortOrder = n, q => q.Text, "question-moved", ct);

    /// <summary>A question people have answered cannot be removed, only hidden, so their answers are kept.</summary>
    public async Task<Outcome<string>> RemoveQuestionAsync(Actor actor, int eventId, int id, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<string>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var question = await db.Set<RegistrationQuestion>().FirstOrDefaultAsync(q => q.Id == id && q.EventId == eventId, ct);
        if (question is null)
        {
            return Outcome<string>.Refused(ErrorCodes.NotFound, "That question no longer exists. Reload the page.");
        }

        var answered = await db.Set<BookingAnswer>().CountAsync(a => a.QuestionId == id, ct);
        if (answered > 0)
        {
            return Outcome<string>.Refused(BookingError.InUse,
                $"\"{question.Text}\" cannot be removed because {answered} {(answered == 1 ? "person has" : "people have")} answered it. "
                + "Hide it instead: it will no longer be asked, and the answers already given are kept.");
        }

        db.Remove(question);
        AddAudit(db, actor, eventId, null, "question-removed", $"Removed question \"{question.Text}\"");
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(question.Text);
    }

    /// <summary>A hidden question is no longer asked or checked; its answers stay on the bookings and in the export.</summary>
    public async Task<Outcome<string>> SetQuestionHiddenAsync(Actor actor, int eventId, int id, bool hidden, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<string>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var question = await db.Set<RegistrationQuestion>().FirstOrDefaultAsync(q => q.Id == id && q.EventId == eventId, ct);
        if (question is null)
        {
            return Outcome<string>.Refused(ErrorCodes.NotFound, "That question no longer exists. Reload the page.");
        }

        question.Hidden = hidden;
        AddAudit(db, actor, eventId, null, hidden ? "question-hidden" : "question-shown", $"{(hidden ? "Hid" : "Showed again")} question \"{question.Text}\"");
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(question.Text);
    }

    /// <summary>One page of the event's audit log, newest first. Administrators only.</summary>
    public async Task<PagedResult<BookingAuditEntry>> AuditLogPageAsync(Actor actor, AuditLogQuery query, CancellationToken ct = default)
    {
        Guard.Administrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<BookingAuditEntry>().AsNoTracking().Where(a => a.EventId == query.EventId);
        var total = await rows.CountAsync(ct);
        var (skip, take) = Paging.Window(query.Page, query.PageSize);
        var items = await rows.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new PagedResult<BookingAuditEntry>(items, total, query.Page, take);
    }

    private async Task<Outcome<string>> ReorderAsync<T>(
        Actor actor, int eventId, int id, bool up, Func<Data.EventHubDbContext, Task<List<T>>> load, Func<T, int> idOf, Func<T, int> sortOf, Action<T, int> setSort, Func<T, string> nameOf, string action, CancellationToken ct)
        where T : class
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<string>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = (await load(db)).OrderBy(sortOf).ThenBy(idOf).ToList();
        var index = items.FindIndex(x => idOf(x) == id);
        if (index < 0)
        {
            return Outcome<string>.Refused(ErrorCodes.NotFound, "That item no longer exists. Reload the page.");
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return Outcome<string>.Refused(BookingError.WrongState, $"\"{nameOf(items[index])}\" is already {(up ? "first" : "last")}.");
        }

        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            setSort(items[i], i);
        }

        AddAudit(db, actor, eventId, null, action, $"Moved \"{nameOf(items[other])}\" {(up ? "up" : "down")}");
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(nameOf(items[other]));
    }
}
