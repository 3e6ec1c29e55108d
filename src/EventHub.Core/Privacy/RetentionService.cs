using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

/// <summary>Organisers read and set how long an event's (or a series') personal data is kept.</summary>
public sealed class RetentionService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IOptions<PrivacyOptions> site)
{
    public async Task<Outcome<RetentionView>> GetForEventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<RetentionView>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.See, ct, PrivacyErrors.EventGone) is { } refusal)
        {
            return Outcome<RetentionView>.Refused(refusal);
        }

        var view = await LoadAsync(db, eventId, ct);
        return view is null ? Outcome<RetentionView>.NotFound(PrivacyErrors.EventGone) : Outcome<RetentionView>.Ok(view);
    }

    public async Task<Outcome<RetentionView>> SaveForEventAsync(Actor actor, int eventId, RetentionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsOrganiser)
        {
            return Outcome<RetentionView>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, PrivacyErrors.EventGone) is { } refusal)
        {
            return Outcome<RetentionView>.Refused(refusal);
        }

        var errors = RetentionRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<RetentionView>.Invalid(errors);
        }

        var row = await db.Set<RetentionSetting>().FirstOrDefaultAsync(r => r.EventId == eventId, ct);
        Apply(db, row, input, () => new RetentionSetting { EventId = eventId });
        var view = (await LoadAsync(db, eventId, ct, pending: input))!;
        BookingAuditLog.Add(db, actor, eventId, null, "retention",
            $"Personal data kept {view.PersonalDataWords}; access and dietary needs kept {view.NeedsWords}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Outcome<RetentionView>.Ok(view);
    }

    /// <summary>
    /// How long the event's personal data is really kept (its own setting, then its series', then the site's): what the
    /// booking page tells everyone, so it needs no sign-in. Null when there is no such event.
    /// </summary>
    public async Task<RetentionPolicy?> PolicyForEventAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await LoadAsync(db, eventId, ct))?.Effective;
    }

    /// <summary>Sets the series default that its events use when they set nothing themselves.</summary>
    public async Task<Outcome<RetentionInput>> SaveForSeriesAsync(Actor actor, int seriesId, RetentionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsOrganiser)
        {
            return Outcome<RetentionInput>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var granted = await EventAccess.ResolveSeriesAsync(db, actor, seriesId, ct);
        var refusal = AccessRules.Verdict(granted, Permission.Edit, PrivacyErrors.SeriesGone)
            ?? (await db.Series.AnyAsync(s => s.Id == seriesId, ct) ? null : PrivacyErrors.SeriesGone);
        if (refusal is not null)
        {
            return Outcome<RetentionInput>.Refused(refusal);
        }

        var errors = RetentionRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<RetentionInput>.Invalid(errors);
        }

        var row = await db.Set<RetentionSetting>().FirstOrDefaultAsync(r => r.SeriesId == seriesId, ct);
        Apply(db, row, input, () => new RetentionSetting { SeriesId = seriesId });
        await db.SaveChangesAsync(ct);
        return Outcome<RetentionInput>.Ok(input);
    }

    /// <summary>The event's view; <paramref name="pending"/> stands in for its own row while a change is being saved.</summary>
    private async Task<RetentionView?> LoadAsync(EventHubDbContext db, int eventId, CancellationToken ct, RetentionInput? pending = null)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.SeriesId, e.EndUtc, e.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }

        var settings = await db.Set<RetentionSetting>().AsNoTracking()
            .Where(r => r.EventId == eventId || (ev.SeriesId != null && r.SeriesId == ev.SeriesId)).ToListAsync(ct);
        var forSeries = settings.FirstOrDefault(r => r.SeriesId is not null);
        var own = pending ?? settings.Where(r => r.EventId is not null)
            .Select(r => new RetentionInput { PersonalDataMonths = r.PersonalDataMonths, NeedsDays = r.NeedsDays }).FirstOrDefault() ?? new RetentionInput();
        var inherited = RetentionRules.Resolve(null, forSeries, site.Value);
        var effective = RetentionRules.Resolve(new RetentionSetting { PersonalDataMonths = own.PersonalDataMonths, NeedsDays = own.NeedsDays }, forSeries, site.Value);
        return new RetentionView(eventId, own, inherited, effective,
            RetentionRules.PersonalDataDueUtc(ev.EndUtc, ev.TimeZoneId, effective.PersonalDataMonths),
            RetentionRules.NeedsDueUtc(ev.EndUtc, ev.TimeZoneId, effective.NeedsDays),
            ev.TimeZoneId);
    }

    private static void Apply(EventHubDbContext db, RetentionSetting? row, RetentionInput input, Func<RetentionSetting> create)
    {
        if (input.PersonalDataMonths is null && input.NeedsDays is null)
        {
            if (row is not null)
            {
                db.Remove(row);
            }

            return;
        }

        if (row is null)
        {
            row = create();
            db.Add(row);
        }

        row.PersonalDataMonths = input.PersonalDataMonths;
        row.NeedsDays = input.NeedsDays;
    }
}
