using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Ticket holders take part in the board from their private manage link: they propose sessions, mark interest, and
/// see what happened to their proposals and to the sessions they want to go to. The manage token is the only proof
/// of who they are, so every method starts from it and refuses anyone who is not a confirmed ticket holder of an
/// Open Space or Hybrid event.
/// </summary>
public sealed class TicketHolderBoardService(IDbContextFactory<EventHubDbContext> dbFactory, PitchQueueService queue, InterestService interest, TimeProvider clock)
{
    /// <summary>Null when the link is not valid or the event has no board (a forum): the page then shows nothing.</summary>
    public async Task<TicketHolderBoard?> GetAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holder = await HolderAsync(db, token, ct);
        if (holder is null)
        {
            return null;
        }

        var (booking, ev) = holder.Value;
        var canPropose = booking.Status == BookingStatus.Confirmed && ev.EndUtc > Now;
        var cells = await db.Set<BoardCell>().AsNoTracking().Where(c => c.EventId == ev.Id).ToListAsync(ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == ev.Id).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var slots = await db.Set<BoardSlot>().AsNoTracking().Where(s => s.EventId == ev.Id).ToDictionaryAsync(s => s.Id, ct);
        var titles = await db.Sessions.AsNoTracking().Where(s => s.EventId == ev.Id).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        string WhereIs(int? sessionId)
        {
            var cell = sessionId is { } id ? cells.FirstOrDefault(c => c.SessionId == id) : null;
            if (cell is null)
            {
                return "Not on the board";
            }

            // An overflow room runs the same session at the same time.
            var family = cell.CopyOfSessionId ?? cell.SessionId;
            var room = string.Join(" and ", cells.Where(c => (c.CopyOfSessionId ?? c.SessionId) == family)
                .OrderBy(c => c.SessionId != cell.SessionId).Select(c => rooms.GetValueOrDefault(c.RoomId, "a room")));
            return slots.TryGetValue(cell.SlotId, out var slot)
                ? $"{room}, {EventTime.FormatRange(slot.StartUtc, slot.EndUtc, ev.TimeZoneId)}"
                : room;
        }

        var queue = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.EventId == ev.Id && p.Status == ProposalStatus.Queued)
            .OrderBy(p => p.QueueOrder).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var mine = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.ProposerBookingId == booking.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var placedIds = mine.Where(p => p.Status == ProposalStatus.Placed && p.SessionId != null).Select(p => p.SessionId!.Value).ToList();
        var moves = await db.Set<SessionHistoryEntry>().AsNoTracking()
            .Where(h => placedIds.Contains(h.SessionId) && (h.Kind == SessionHistoryKind.Moved || h.Kind == SessionHistoryKind.Overflow))
            .OrderBy(h => h.Id).ToListAsync(ct);
        string? MovedLine(Proposal p) => p.Status == ProposalStatus.Placed && moves.LastOrDefault(h => h.SessionId == p.SessionId) is { } h
            ? $"{(h.Kind == SessionHistoryKind.Overflow ? "Changed" : "Moved")} by the facilitators at {EventTime.FormatClock(h.AtUtc, ev.TimeZoneId)}: {h.Detail}"
            : null;
        var proposals = mine.Select(p => new HolderProposal(p.Id, p.Title, p.Status, p.Status switch
        {
            ProposalStatus.Queued => $"In the pitch queue, number {queue.IndexOf(p.Id) + 1} of {queue.Count}",
            ProposalStatus.Placed => "On the board: " + WhereIs(p.SessionId),
            ProposalStatus.Merged => $"Merged into “{titles.GetValueOrDefault(p.SessionId ?? 0, "another session")}”: " + WhereIs(p.SessionId),
            _ => "Withdrawn",
        }, MovedLine(p), p.CreditByName && p.ConvenerName != Credit.Participant)).ToList();

        var marks = await db.Set<InterestMark>().AsNoTracking()
            .Where(i => i.Email == booking.NormalisedEmail && cells.Select(c => c.SessionId).Contains(i.SessionId))
            .ToDictionaryAsync(i => i.SessionId, i => i.CreatedUtc, ct);
        var changes = await db.Set<SessionHistoryEntry>().AsNoTracking()
            .Where(h => marks.Keys.Contains(h.SessionId) && (h.Kind == SessionHistoryKind.Moved || h.Kind == SessionHistoryKind.MergedIn || h.Kind == SessionHistoryKind.Overflow))
            .OrderBy(h => h.Id).ToListAsync(ct);
        var sessions = cells
            .OrderBy(c => slots.TryGetValue(c.SlotId, out var slot) ? slot.StartUtc : DateTime.MaxValue)
            .ThenBy(c => rooms.GetValueOrDefault(c.RoomId, string.Empty), StringComparer.Ordinal)
            .Select(c =>
            {
                var interested = marks.TryGetValue(c.SessionId, out var since);
                var change = interested
                    ? changes.LastOrDefault(h => h.SessionId == c.SessionId && h.AtUtc >= since) is { } h
                        ? $"Changed since you marked it: {h.Detail}"
                        : null
                    : null;
                return new HolderSession(c.SessionId, titles.GetValueOrDefault(c.SessionId, "Session"), c.ConvenerName, WhereIs(c.SessionId), interested, change);
            })
            .ToList();
        return new TicketHolderBoard(ev.Id, ev.Slug, booking.Name, canPropose, proposals, sessions);
    }

    /// <summary>A confirmed ticket holder proposes a session; it joins the end of the pitch queue, linked to their booking.</summary>
    public async Task<Outcome<BoardProposal>> ProposeAsync(string token, ProposalInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holder = await HolderAsync(db, token, ct);
        if (holder is not { } h || h.Booking.Status != BookingStatus.Confirmed)
        {
            return Outcome<BoardProposal>.Refused(OpenSpaceErrors.NotAHolder);
        }

        if (h.Event.EndUtc <= Now)
        {
            return Outcome<BoardProposal>.Refused(OpenSpaceErrors.Ended);
        }

        var convener = string.IsNullOrWhiteSpace(input.ConvenerName) ? h.Booking.Name : input.ConvenerName;
        return await queue.ProposeAsync(h.Event.Id, input with { ConvenerName = convener }, h.Booking.Name, h.Booking.Id, ct: ct);
    }

    /// <summary>Marks or clears "I'd like to go" for a session on this holder's event, under the booking's name and email.</summary>
    public async Task<Outcome<InterestResult>> SetInterestAsync(string token, int sessionId, bool interested, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holder = await HolderAsync(db, token, ct);
        if (holder is not { } h || h.Booking.Status != BookingStatus.Confirmed)
        {
            return Outcome<InterestResult>.Refused(OpenSpaceErrors.NotAHolder);
        }

        if (!await db.Set<BoardCell>().AnyAsync(c => c.SessionId == sessionId && c.EventId == h.Event.Id, ct))
        {
            return Outcome<InterestResult>.Refused(OpenSpaceErrors.NotOnBoard);
        }

        if (interested)
        {
            return await interest.MarkInterestAsync(sessionId, h.Booking.Name, h.Booking.Email, ct);
        }

        var count = await interest.RemoveInterestAsync(sessionId, h.Booking.Email, ct);
        return Outcome<InterestResult>.Ok(new InterestResult(sessionId, count, null));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<(Bookings.Booking Booking, Event Event)?> HolderAsync(EventHubDbContext db, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        var booking = await db.Set<Bookings.Booking>().AsNoTracking().WithManageToken(db, token).FirstOrDefaultAsync(ct);
        if (booking is null)
        {
            return null;
        }

        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == booking.EventId, ct);
        return ev is null || ev.Kind == EventKind.Forum ? null : (booking, ev);
    }
}
