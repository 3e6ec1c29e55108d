using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>Everything the private manage link allows: see the booking, cancel, leave the list, answer an offer, confirm a held place, change answers and sessions.</summary>
public sealed partial class BookingService
{
    /// <summary>The booking behind a manage link, or null for a wrong or revoked token (the page then says only "not valid").</summary>
    public async Task<ManageView?> GetByTokenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Booking>().AsNoTracking().Include(x => x.TicketType).Include(x => x.Answers).Include(x => x.Sessions)
            .WithManageToken(db, token).FirstOrDefaultAsync(ct);
        if (b is null)
        {
            return null;
        }

        var ev = await db.Set<Event>().AsNoTracking().FirstAsync(e => e.Id == b.EventId, ct);
        var questions = await db.Set<RegistrationQuestion>().AsNoTracking().Where(q => q.EventId == b.EventId)
            .InListOrder().ToListAsync(ct);
        var sessions = await db.Set<Session>().AsNoTracking().Where(s => s.EventId == b.EventId).OrderBy(s => s.StartUtc).ThenBy(s => s.Id).ToListAsync(ct);
        int? position = b.Status == BookingStatus.Waiting ? await WaitlistPositions.OfAsync(db, b, ct) : null;
        var joining = ev.OnlineUrl.Length > 0 && JoiningLink.MayHave(b.Status == BookingStatus.Confirmed, b.TicketType?.Attendance) ? ev.OnlineUrl : null;
        return new ManageView(b, ev, questions, sessions, position, joining);
    }

    public Task<Outcome<BookingStatus>> CancelAsync(string token, CancellationToken ct = default) =>
        ChangeByTokenAsync(token, [BookingStatus.Confirmed, BookingStatus.Offered, BookingStatus.Held, BookingStatus.Waiting, BookingStatus.AwaitingApproval],
            (db, b, now) => Lifecycle.EndAsync(db, b, BookingStatus.Cancelled, BookingTemplates.BookingCancelled, null, now, ct), ct);

    public Task<Outcome<BookingStatus>> LeaveWaitlistAsync(string token, CancellationToken ct = default) =>
        ChangeByTokenAsync(token, [BookingStatus.Waiting],
            (db, b, now) => Lifecycle.EndAsync(db, b, BookingStatus.Cancelled, BookingTemplates.BookingCancelled, "You left the waiting list.", now, ct), ct);

    public Task<Outcome<BookingStatus>> DeclineOfferAsync(string token, CancellationToken ct = default) =>
        ChangeByTokenAsync(token, [BookingStatus.Offered],
            (db, b, now) => Lifecycle.EndAsync(db, b, BookingStatus.Cancelled, BookingTemplates.BookingCancelled, "You turned down the place you were offered.", now, ct), ct);

    /// <summary>
    /// Accepts an offered place. Accepting twice (the link clicked again) answers as the first time did; an offer
    /// that ran out, was turned down or belongs to a cancelled event is refused with words that say so.
    /// </summary>
    public Task<Outcome<BookingStatus>> AcceptOfferAsync(string token, CancellationToken ct = default) =>
        KeepPlaceAsync(token, BookingStatus.Offered, BookingErrors.OfferEnded, ct);

    /// <summary>
    /// Keeps a held place: the person opened the link in the mail (so the address is theirs) and pressed the button.
    /// Confirming twice answers as the first time did; a hold that ran out is refused and the sweep gives the place back.
    /// The ticket mail follows.
    /// </summary>
    public Task<Outcome<BookingStatus>> ConfirmEmailAsync(string token, CancellationToken ct = default) =>
        KeepPlaceAsync(token, BookingStatus.Held, BookingErrors.HoldEnded, ct);

    /// <summary>Turns a place kept until <see cref="Booking.OfferExpiresUtc"/> (offered or held) into a confirmed one, and sends the ticket.</summary>
    private async Task<Outcome<BookingStatus>> KeepPlaceAsync(string token, BookingStatus kept, Refusal ended, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await ChangeByTokenAsync(token, [kept, BookingStatus.Confirmed, BookingStatus.Cancelled], async (db, b, _) =>
        {
            if (b.Status == BookingStatus.Confirmed)
            {
                return null;
            }

            var eventStatus = await db.Set<Event>().Where(e => e.Id == b.EventId).Select(e => e.Status).FirstAsync(ct);
            if (eventStatus == EventStatus.Cancelled)
            {
                return BookingErrors.EventCancelled;
            }

            if (b.Status == BookingStatus.Cancelled || (b.OfferExpiresUtc is { } expires && now >= expires))
            {
                return ended;
            }

            b.Status = BookingStatus.Confirmed;
            b.OfferExpiresUtc = null;
            b.UpdatedUtc = now;
            Lifecycle.Message(db, BookingTemplates.BookingConfirmed, b, now);
            await db.SaveChangesAsync(ct);
            return null;
        }, ct);
    }

    /// <summary>
    /// Sets the sessions a confirmed booking attends: new ones take a place (or join that session's waiting list),
    /// dropped ones free theirs for the next person waiting for that session.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<SessionBooking>>> ChooseSessionsAsync(string token, IReadOnlyCollection<int> sessionIds, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await db.Set<Booking>().Include(x => x.Sessions).Include(x => x.TicketType).WithManageToken(db, token).FirstOrDefaultAsync(ct);
        if (b is null)
        {
            return Outcome<IReadOnlyList<SessionBooking>>.Refused(BookingErrors.InvalidLink);
        }

        if (b.Status != BookingStatus.Confirmed)
        {
            return Outcome<IReadOnlyList<SessionBooking>>.Refused(BookingErrors.SessionsNeedConfirmedPlace);
        }

        var wanted = sessionIds.Distinct().ToHashSet();
        if (wanted.Count > 0 && await db.Set<Session>().CountAsync(s => s.EventId == b.EventId && wanted.Contains(s.Id), ct) != wanted.Count)
        {
            return Outcome<IReadOnlyList<SessionBooking>>.Invalid(nameof(BookingForm.SessionIds), BookingErrors.SessionUnavailable.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var freed = new List<int>();
        foreach (var sb in b.Sessions.Where(s => !wanted.Contains(s.SessionId)).ToList())
        {
            if (sb.Status == SessionBookingStatus.Confirmed)
            {
                await Places.ReleaseSessionAsync(db, sb.SessionId, ct);
                freed.Add(sb.SessionId);
            }

            b.Sessions.Remove(sb);
            db.Remove(sb);
        }

        foreach (var sessionId in wanted.Where(id => b.Sessions.All(s => s.SessionId != id)))
        {
            var took = await Places.TryTakeSessionAsync(db, sessionId, ct);
            b.Sessions.Add(new SessionBooking
            {
                SessionId = sessionId,
                Status = took ? SessionBookingStatus.Confirmed : SessionBookingStatus.Waiting,
                WaitlistRank = took ? 0 : now.Ticks,
                CreatedUtc = now,
            });
        }

        b.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        foreach (var sessionId in freed)
        {
            await Lifecycle.FillSessionAsync(db, sessionId, now, ct);
        }

        await tx.CommitAsync(ct);
        return Outcome<IReadOnlyList<SessionBooking>>.Ok(b.Sessions.ToList());
    }

    /// <summary>Runs <paramref name="change"/> under the write gate; it returns null when done, or a refusal.</summary>
    private async Task<Outcome<BookingStatus>> ChangeByTokenAsync(
        string token, BookingStatus[] allowed, Func<EventHubDbContext, Booking, DateTime, Task<Refusal?>> change, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = string.IsNullOrWhiteSpace(token) ? null
            : await db.Set<Booking>().Include(x => x.TicketType).WithManageToken(db, token).FirstOrDefaultAsync(ct);
        if (b is null)
        {
            return Outcome<BookingStatus>.Refused(BookingErrors.InvalidLink);
        }

        var refusal = allowed.Contains(b.Status) ? await change(db, b, clock.GetUtcNow().UtcDateTime) : BookingErrors.WrongState;
        if (refusal is not null)
        {
            return Outcome<BookingStatus>.Refused(refusal);
        }

        await tx.CommitAsync(ct);
        return Outcome<BookingStatus>.Ok(b.Status);
    }

    private Task<Outcome<BookingStatus>> ChangeByTokenAsync(
        string token, BookingStatus[] allowed, Func<EventHubDbContext, Booking, DateTime, Task> change, CancellationToken ct) =>
        ChangeByTokenAsync(token, allowed, async (db, b, now) =>
        {
            await change(db, b, now);
            return (Refusal?)null;
        }, ct);
}
