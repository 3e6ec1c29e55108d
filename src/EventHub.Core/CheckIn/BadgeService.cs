using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>
/// Printable name badges: name, organisation and the ticket's QR code, eight to an A4 sheet. Anyone who may read the
/// attendee list (Owner, Editor, Viewer) may print them; the Door role, whose place is the check-in page and the door
/// list, may not. A badge carries no needs and no needs flag, so the "can see needs" flag changes nothing here. Only
/// people with a place in the room get one: an online place never comes through the door.
/// </summary>
public sealed class BadgeService(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public const int PerSheet = 8;

    /// <summary>Badges read (and printed) per page: 25 sheets, so 5,000 people are 25 pages, not one page of 5,000 QR codes.</summary>
    public const int PageSize = Paging.MaxPageSize;

    /// <summary>
    /// One page of badges in name order (then booking, so a page boundary never splits or repeats people with one
    /// name): confirmed people in person, or those of them not yet checked in.
    /// </summary>
    public async Task<Outcome<PagedResult<Badge>>> PageAsync(Actor actor, int eventId, BadgeSelection who, int page = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.ViewAttendees, ct) is { } refusal)
        {
            return Outcome<PagedResult<Badge>>.Refused(refusal);
        }

        var q = db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed).Where(BookedPlace.InPerson);
        if (who == BadgeSelection.NotCheckedIn)
        {
            q = q.Where(b => !db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id));
        }

        var (skip, take) = Paging.Window(page, PageSize);
        var total = await q.CountAsync(ct);
        var badges = await q
            .OrderBy(b => b.Name.ToLower()).ThenBy(b => b.Id)
            .Skip(skip).Take(take)
            .Select(b => new Badge(b.Name, b.Organisation, b.CheckInCode))
            .ToListAsync(ct);
        return Outcome<PagedResult<Badge>>.Ok(new PagedResult<Badge>(badges, total, Math.Max(0, page), take));
    }
}
