using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers.Security;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>Organisers hand volunteers door links; volunteers open the check-in page with them.</summary>
public sealed class DoorLinkService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Creates a link that works between two times, ending no later than the day after the event. The answer carries
    /// the token: the only time it is known (only its hash is stored).
    /// </summary>
    public Task<Outcome<IssuedDoorLink>> CreateAsync(Actor actor, int eventId, DoorLinkInput input, CancellationToken ct = default) =>
        CreateCoreAsync(actor, eventId, input, nameof(DoorLinkInput.ValidUntilUtc), ct);

    /// <summary>
    /// Creates a link from times typed in the event's time zone. A time skipped when the clocks go forward is
    /// refused; a time that happens twice when they go back is the first one (as for the event's own times).
    /// </summary>
    public async Task<Outcome<IssuedDoorLink>> CreateAsync(Actor actor, int eventId, DoorLinkLocalInput input, CancellationToken ct = default)
    {
        string? zoneId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.ManageDoorLinks, ct) is { } refusal)
            {
                return Outcome<IssuedDoorLink>.Refused(refusal);
            }

            zoneId = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        }

        if (zoneId is null)
        {
            return Outcome<IssuedDoorLink>.NotFound(CheckInErrors.EventNotFound);
        }

        var zone = EventTime.Zone(zoneId);
        var errors = new List<FieldError>();
        if (!EventTime.TryToUtc(input.ValidFromLocal, zone, out var from))
        {
            errors.Add(new FieldError(nameof(DoorLinkLocalInput.ValidFromLocal), "That start time does not exist: the clocks go forward then. Enter a later time"));
        }

        if (!EventTime.TryToUtc(input.ValidUntilLocal, zone, out var until))
        {
            errors.Add(new FieldError(nameof(DoorLinkLocalInput.ValidUntilLocal), "That end time does not exist: the clocks go forward then. Enter a later time"));
        }

        if (errors.Count > 0)
        {
            return Outcome<IssuedDoorLink>.Invalid(errors);
        }

        return await CreateCoreAsync(actor, eventId, new DoorLinkInput(input.Label, from, until), nameof(DoorLinkLocalInput.ValidUntilLocal), ct);
    }

    private async Task<Outcome<IssuedDoorLink>> CreateCoreAsync(Actor actor, int eventId, DoorLinkInput input, string untilField, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.ManageDoorLinks, ct) is { } refusal)
        {
            return Outcome<IssuedDoorLink>.Refused(refusal);
        }

        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.EndUtc, e.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return Outcome<IssuedDoorLink>.NotFound(CheckInErrors.EventNotFound);
        }

        var errors = new List<FieldError>();
        var label = (input.Label ?? string.Empty).Trim();
        if (label.Length == 0)
        {
            errors.Add(new FieldError(nameof(DoorLinkInput.Label), "Enter a name for the door or volunteer"));
        }
        else if (label.Length > CheckInRules.MaxLabelLength)
        {
            errors.Add(new FieldError(nameof(DoorLinkInput.Label), $"Name must be {CheckInRules.MaxLabelLength} characters or fewer"));
        }

        var latest = CheckInRules.LatestDoorLinkEndUtc(ev.EndUtc, ev.TimeZoneId);
        if (input.ValidUntilUtc <= input.ValidFromUtc)
        {
            errors.Add(new FieldError(untilField, "The link must stop working after it starts working"));
        }
        else if (input.ValidUntilUtc > latest)
        {
            var tooLate = CheckInErrors.DoorLinkEndsTooLate(latest, ev.TimeZoneId);
            if (errors.Count == 0)
            {
                return Outcome<IssuedDoorLink>.Refused(tooLate, untilField);
            }

            errors.Add(new FieldError(untilField, tooLate.Message));
        }

        if (errors.Count > 0)
        {
            return Outcome<IssuedDoorLink>.Invalid(errors);
        }

        var token = SecureTokens.New();
        var link = new DoorLink
        {
            EventId = eventId,
            TokenHash = SecureTokens.Hash(token),
            Label = label,
            ValidFromUtc = input.ValidFromUtc,
            ValidUntilUtc = input.ValidUntilUtc,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.DisplayName,
        };
        db.Add(link);
        SecurityAudit.Add(db, SecurityAction.DoorLinkCreated, actor, $"Made the door link “{label}”", link.CreatedUtc, eventId);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedDoorLink>.Ok(new IssuedDoorLink(link, token));
    }

    /// <summary>
    /// Gives a link a new token, for a link that was not copied in time or may have been seen by someone else: the old
    /// address stops working at once; window and name stay. A revoked link cannot be reissued.
    /// </summary>
    public async Task<Outcome<IssuedDoorLink>> ReissueAsync(Actor actor, int linkId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<IssuedDoorLink>.Refused(CheckInErrors.Forbidden);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.Set<DoorLink>().FirstOrDefaultAsync(d => d.Id == linkId, ct);
        var refusal = link is null ? CheckInErrors.DoorLinkGone
            : await EventAccess.CheckAsync(db, actor, link.EventId, Permission.ManageDoorLinks, ct, CheckInErrors.DoorLinkGone);
        if (refusal is not null)
        {
            return Outcome<IssuedDoorLink>.Refused(refusal);
        }

        if (link!.RevokedUtc is not null)
        {
            return Outcome<IssuedDoorLink>.Refused(CheckInErrors.DoorLinkGone);
        }

        var token = SecureTokens.New();
        link.TokenHash = SecureTokens.Hash(token);
        SecurityAudit.Add(db, SecurityAction.DoorLinkCreated, actor, $"Reissued the door link “{link.Label}” (its old address stopped working)", clock.GetUtcNow().UtcDateTime, link.EventId);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedDoorLink>.Ok(new IssuedDoorLink(link, token));
    }

    /// <summary>The event's time zone and its links, oldest first.</summary>
    public async Task<Outcome<DoorLinkList>> ListInZoneAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.ManageDoorLinks, ct) is { } refusal)
        {
            return Outcome<DoorLinkList>.Refused(refusal);
        }

        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.TimeZoneId, e.StartUtc, e.EndUtc }).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return Outcome<DoorLinkList>.NotFound(CheckInErrors.EventNotFound);
        }

        var links = await db.Set<DoorLink>().AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Id).ToListAsync(ct);
        return Outcome<DoorLinkList>.Ok(new DoorLinkList(ev.TimeZoneId, links, ev.StartUtc, ev.EndUtc));
    }

    public async Task<IReadOnlyList<DoorLink>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.ManageDoorLinks, ct) is not null)
        {
            return [];
        }

        return await db.Set<DoorLink>().AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Id).ToListAsync(ct);
    }

    public async Task<Outcome<bool>> RevokeAsync(Actor actor, int linkId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Refused(CheckInErrors.Forbidden);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Set<DoorLink>().Where(d => d.Id == linkId).Select(d => (int?)d.EventId).FirstOrDefaultAsync(ct);
        var refusal = eventId is null ? CheckInErrors.DoorLinkGone
            : await EventAccess.CheckAsync(db, actor, eventId.Value, Permission.ManageDoorLinks, ct, CheckInErrors.DoorLinkGone);
        if (refusal is not null)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<DoorLink>().Where(d => d.Id == linkId && d.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RevokedUtc, now), ct);
        if (changed == 1)
        {
            var label = await db.Set<DoorLink>().Where(d => d.Id == linkId).Select(d => d.Label).FirstAsync(ct);
            SecurityAudit.Add(db, SecurityAction.DoorLinkRevoked, actor, $"Revoked the door link “{label}”", now, eventId);
            await db.SaveChangesAsync(ct);
        }

        return changed == 1 ? Outcome<bool>.Ok(true) : Outcome<bool>.NotFound(CheckInErrors.DoorLinkGone);
    }

    /// <summary>The event a door link opens, or null when the link is unknown, revoked or outside its window.</summary>
    public async Task<OpenDoor?> OpenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = SecureTokens.Hash(token);
        var link = await db.Set<DoorLink>().AsNoTracking().FirstOrDefaultAsync(d => d.TokenHash == hash, ct);
        if (link is null || !link.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        var ev = await db.Events.Where(e => e.Id == link.EventId).Select(e => new { e.Title, e.TimeZoneId }).FirstAsync(ct);
        return new OpenDoor(link.EventId, ev.Title, link.Label, link.ValidUntilUtc, ev.TimeZoneId);
    }
}
