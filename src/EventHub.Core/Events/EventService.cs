using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events;

/// <summary>Organiser use cases for events: list, read, create, edit, publish and cancel (rooms and sessions: AgendaService).</summary>
public sealed class EventService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IEnumerable<IEventChangeObserver> observers)
{
    public EventService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
        : this(dbFactory, clock, [])
    {
    }

    public async Task<PagedResult<EventListRow>> ListAsync(Actor actor, EventListQuery query, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await EventAccess.ScopeAsync(db, actor, Permission.See, ct);
        var events = db.Events.AsNoTracking().Where(e => scope.All || scope.EventIds.Contains(e.Id));
        if (query.Status is { } status)
        {
            events = events.Where(e => e.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            events = events.Where(e => e.Title.ToLower().Contains(term) || (e.Series != null && e.Series.Name.ToLower().Contains(term)));
        }

        var total = await events.CountAsync(ct);
        var (skip, take) = Paging.Window(query.Page, query.PageSize);
        // "My events" first: the ones the actor has a place on (an administrator sees every event, theirs on top).
        var places = await db.Set<TeamMember>().AsNoTracking().Where(m => m.OrganiserId == actor.UserId)
            .Select(m => new { m.EventId, m.SeriesId, m.Role }).ToListAsync(ct);
        var myEvents = places.Where(p => p.EventId != null).Select(p => p.EventId!.Value).ToList();
        var mySeries = places.Where(p => p.SeriesId != null).Select(p => p.SeriesId!.Value).ToList();
        var found = await events
            .OrderByDescending(e => myEvents.Contains(e.Id) || (e.SeriesId != null && mySeries.Contains(e.SeriesId.Value)))
            .ThenByDescending(e => e.StartUtc).ThenBy(e => e.Id)
            .Skip(skip).Take(take)
            .Select(e => new
            {
                Row = new EventListRow(e.Id, e.Title, e.Slug, e.Series != null ? e.Series.Name : null, e.Status, e.Kind,
                    e.StartUtc, e.TimeZoneId, e.Capacity, e.PlacesTaken, null),
                e.SeriesId,
            })
            .ToListAsync(ct);
        var rows = found.Select(f => f.Row with
        {
            // Owner is the lowest value: the strongest of the event's and the series' places.
            MyRole = places.Where(p => p.EventId == f.Row.Id || (p.SeriesId != null && p.SeriesId == f.SeriesId))
                .Select(p => (TeamRole?)p.Role).Min(),
        }).ToList();
        return new PagedResult<EventListRow>(rows, total, query.Page, take);
    }

    public async Task<EventDetail?> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Include(e => e.Series).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null || await EventAccess.CheckAsync(db, actor, id, Permission.See, ct) is not null)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == id).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == id).OrderBy(s => s.StartUtc).ThenBy(s => s.Id).ToListAsync(ct);
        return new EventDetail(ev, rooms, sessions);
    }

    public Task<Outcome<Event>> CreateAsync(Actor actor, EventInput input, CancellationToken ct = default) => SaveAsync(actor, null, input, ct);

    public Task<Outcome<Event>> UpdateAsync(Actor actor, int id, EventInput input, CancellationToken ct = default) => SaveAsync(actor, id, input, ct);

    public async Task<Outcome<Event>> SetStatusAsync(Actor actor, int id, EventStatus status, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<Event>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var needed = status == EventStatus.Cancelled ? Permission.Cancel : Permission.Edit;
        if (await EventAccess.CheckAsync(db, actor, id, needed, ct) is { } refusal)
        {
            return Outcome<Event>.Refused(refusal);
        }

        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return Outcome<Event>.NotFound(EventErrors.EventGone);
        }

        if (status == EventStatus.Published)
        {
            // An event published with bad data would show nonsense on the public page: check it again.
            var errors = EventRules.Validate(EventInput.From(ev), out _);
            if (errors.Count > 0)
            {
                return Outcome<Event>.Refused(EventErrors.FixBeforePublishing(errors[0].Message));
            }
        }

        var before = EventBefore.Of(ev);
        ev.Status = status;
        ev.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (status == EventStatus.Cancelled && before.Status != EventStatus.Cancelled)
        {
            await NotifyAsync(db, new EventChange(EventChangeKind.Cancelled, ev, before, ev.UpdatedUtc), ct);
            Organisers.Security.SecurityAudit.Add(db, Organisers.Security.SecurityAction.EventCancelled, actor, $"Cancelled the event “{ev.Title}”", ev.UpdatedUtc, ev.Id);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Event>.Ok(ev);
    }

    // Runs before SaveChanges so whatever the observers add is saved in the same transaction as the change.
    private async Task NotifyAsync(EventHubDbContext db, EventChange change, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.OnChangingAsync(db, change, ct);
        }
    }

    public async Task<string> SuggestSlugAsync(Actor actor, string title, int? exceptEventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var baseSlug = Slugs.FromTitle(title);
        if (baseSlug.Length == 0)
        {
            return string.Empty;
        }

        return await Slugs.MakeUniqueAsync(baseSlug, c => db.Events.AnyAsync(e => e.Slug == c && e.Id != exceptEventId, ct));
    }

    private async Task<Outcome<Event>> SaveAsync(Actor actor, int? id, EventInput input, CancellationToken ct)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<Event>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (id is not null && await EventAccess.CheckAsync(db, actor, id.Value, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<Event>.Refused(refusal);
        }

        var errors = EventRules.Validate(input, out var times);
        if (errors.Count > 0)
        {
            return Outcome<Event>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Event? ev;
        if (id is null)
        {
            ev = new Event { Title = string.Empty, Slug = string.Empty, Status = EventStatus.Draft, CreatedUtc = now };
            db.Events.Add(ev);
            await EventAccess.AddOwnerAsync(db, actor, ev, null, now, ct);
        }
        else
        {
            ev = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (ev is null)
            {
                return Outcome<Event>.NotFound(EventErrors.EventGone);
            }

            if (input.Capacity < ev.PlacesTaken)
            {
                return Outcome<Event>.Invalid(nameof(EventInput.Capacity),
                    $"Capacity cannot be less than the {ev.PlacesTaken} places already taken");
            }
        }

        if (input.SeriesId is { } seriesId && !await db.Series.AnyAsync(s => s.Id == seriesId, ct))
        {
            return Outcome<Event>.Invalid(nameof(EventInput.SeriesId), EventErrors.ChosenSeriesGone.Message);
        }

        // Putting an edition in a series hands it to the series' team: only someone who may edit the series may.
        if (input.SeriesId is { } chosen && chosen != ev.SeriesId
            && !(await EventAccess.ResolveSeriesAsync(db, actor, chosen, ct)).Contains(Permission.Edit))
        {
            return Outcome<Event>.Invalid(nameof(EventInput.SeriesId), EventErrors.SeriesNotYours.Message);
        }

        var requested = input.Slug.Trim();
        string slug;
        if (requested.Length > 0)
        {
            if (await db.Events.AnyAsync(e => e.Slug == requested && e.Id != ev.Id, ct))
            {
                return Outcome<Event>.Invalid(nameof(EventInput.Slug), EventErrors.SlugTaken.Message);
            }

            slug = requested;
        }
        else
        {
            var baseSlug = Slugs.FromTitle(input.Title);
            slug = await Slugs.MakeUniqueAsync(baseSlug.Length == 0 ? "event" : baseSlug, c => db.Events.AnyAsync(e => e.Slug == c && e.Id != ev.Id, ct));
        }

        if (id is not null)
        {
            // Sessions must stay inside the event's times: moving the event must not strand them.
            var outside = await db.Sessions.Where(s => s.EventId == ev.Id && (s.StartUtc < times!.StartUtc || s.EndUtc > times.EndUtc))
                .Select(s => s.Title).FirstOrDefaultAsync(ct);
            if (outside is not null)
            {
                return Outcome<Event>.Invalid(nameof(EventInput.StartLocal),
                    $"The session \"{outside}\" would fall outside the event's new times. Move the session first");
            }
        }

        var before = EventBefore.Of(ev);
        ev.SeriesId = input.SeriesId;
        ev.Title = input.Title.Trim();
        ev.Slug = slug;
        ev.Summary = input.Summary.Trim();
        ev.Kind = input.Kind;
        ev.VenueName = input.VenueName.Trim();
        ev.VenueAddress = input.VenueAddress.Trim();
        ev.OnlineUrl = input.OnlineUrl.Trim();
        ev.Tags = EventTags.Store(EventTags.Parse(input.Tags, out _));
        ev.PrivacyNotice = input.PrivacyNotice.Trim();
        ev.TimeZoneId = input.TimeZoneId;
        ev.StartUtc = times!.StartUtc;
        ev.EndUtc = times.EndUtc;
        ev.BookingOpensUtc = times.BookingOpensUtc;
        ev.BookingClosesUtc = times.BookingClosesUtc;
        ev.Capacity = input.Capacity!.Value;
        ev.SoldOutUtc = EventRules.SoldOutAfterCapacityChange(ev, now);
        ev.UpdatedUtc = now;
        if (id is not null && ev.Status is not EventStatus.Cancelled && (before.TimeChanged(ev) || before.PlaceChanged(ev)))
        {
            await NotifyAsync(db, new EventChange(EventChangeKind.Rescheduled, ev, before, now), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<Event>.Invalid(nameof(EventInput.Slug), EventErrors.SlugTaken.Message);
        }

        return Outcome<Event>.Ok(ev);
    }
}
