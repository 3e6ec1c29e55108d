using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

/// <summary>
/// Organisers read and set how long an event's (or a series') personal data is kept; administrators set the site's
/// defaults. The sweep, the booking form's sentence and the privacy notice all read the policy resolved here.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IOptions<PrivacyOptions> site, RetentionPolicyCache? cache = null)
{
    private readonly RetentionPolicyCache _cache = cache ?? RetentionPolicyCache.Uncached;

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
        _cache.Changed();
        return Outcome<RetentionView>.Ok(view);
    }

    /// <summary>
    /// How long the event's personal data is really kept (its own setting, then its series', then the site's): what the
    /// booking page tells everyone, so it needs no sign-in. Null when there is no such event.
    /// </summary>
    public Task<RetentionPolicy?> PolicyForEventAsync(int eventId, CancellationToken ct = default) =>
        // The booking form asks on every render: this node's copy answers (RetentionPolicyCache says when it is forgotten).
        _cache.GetAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Its three reads share one connection rather than taking one from the pool for each (docs/benchmarks.md, round 8).
            await db.Database.OpenConnectionAsync(ct);
            return (await LoadAsync(db, eventId, ct))?.Effective;
        });

    /// <summary>Sets the series default that its events use when they set nothing themselves; answers what editions now keep.</summary>
    public async Task<Outcome<RetentionPolicy>> SaveForSeriesAsync(Actor actor, int seriesId, RetentionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsOrganiser)
        {
            return Outcome<RetentionPolicy>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckSeriesAsync(db, actor, seriesId, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<RetentionPolicy>.Refused(refusal);
        }

        var errors = RetentionRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<RetentionPolicy>.Invalid(errors);
        }

        var row = await db.Set<RetentionSetting>().FirstOrDefaultAsync(r => r.SeriesId == seriesId, ct);
        Apply(db, row, input, () => new RetentionSetting { SeriesId = seriesId });
        await db.SaveChangesAsync(ct);
        _cache.Changed();
        var forSeries = new RetentionSetting { SeriesId = seriesId, PersonalDataMonths = input.PersonalDataMonths, NeedsDays = input.NeedsDays };
        return Outcome<RetentionPolicy>.Ok(RetentionRules.Resolve(null, forSeries, await SiteDefaultsAsync(db, site.Value, ct)));
    }

    /// <summary>What the series sets itself and what it inherits from the site, for its settings form.</summary>
    public async Task<Outcome<RetentionDefaults>> GetForSeriesAsync(Actor actor, int seriesId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<RetentionDefaults>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckSeriesAsync(db, actor, seriesId, Permission.See, ct) is { } refusal)
        {
            return Outcome<RetentionDefaults>.Refused(refusal);
        }

        var row = await db.Set<RetentionSetting>().AsNoTracking().FirstOrDefaultAsync(r => r.SeriesId == seriesId, ct);
        var own = new RetentionInput { PersonalDataMonths = row?.PersonalDataMonths, NeedsDays = row?.NeedsDays };
        return Outcome<RetentionDefaults>.Ok(new RetentionDefaults(own, RetentionRules.Resolve(null, null, await SiteDefaultsAsync(db, site.Value, ct))));
    }

    /// <summary>The site's defaults as they apply now (what the site's privacy notice states); no sign-in needed.</summary>
    public async Task<RetentionPolicy> SitePolicyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return RetentionRules.Resolve(null, null, await SiteDefaultsAsync(db, site.Value, ct));
    }

    /// <summary>Administrators only: the site's defaults, and what the configuration would give if none were set.</summary>
    public async Task<Outcome<RetentionDefaults>> GetSiteDefaultsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<RetentionDefaults>.Forbidden(CommonRefusals.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await SiteDefaultsAsync(db, site.Value, ct);
        return Outcome<RetentionDefaults>.Ok(new RetentionDefaults(
            new RetentionInput { PersonalDataMonths = current.PersonalDataMonths, NeedsDays = current.NeedsDays },
            RetentionRules.Resolve(null, null, site.Value)));
    }

    /// <summary>
    /// Administrators only: sets the defaults every event without its own (or its series') periods uses. Both periods
    /// are needed, and one out of range is refused, never clamped.
    /// </summary>
    public async Task<Outcome<RetentionPolicy>> SaveSiteDefaultsAsync(Actor actor, RetentionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsAdministrator)
        {
            return Outcome<RetentionPolicy>.Forbidden(CommonRefusals.AdministratorsOnly);
        }

        var errors = RetentionRules.ValidateSite(input);
        if (errors.Count > 0)
        {
            return Outcome<RetentionPolicy>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<SiteRetention>().FirstOrDefaultAsync(s => s.Id == SiteRetention.TheOnlyId, ct);
        if (row is null)
        {
            row = new SiteRetention();
            db.Add(row);
        }

        row.PersonalDataMonths = input.PersonalDataMonths!.Value;
        row.NeedsDays = input.NeedsDays!.Value;
        row.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two administrators saved the first time at once: the other's row is there now; write over it.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            await again.Set<SiteRetention>().ExecuteUpdateAsync(u => u
                .SetProperty(r => r.PersonalDataMonths, row.PersonalDataMonths)
                .SetProperty(r => r.NeedsDays, row.NeedsDays)
                .SetProperty(r => r.ChangedUtc, row.ChangedUtc), ct);
        }

        _cache.Changed();

        return Outcome<RetentionPolicy>.Ok(RetentionRules.Resolve(null, null, new PrivacyOptions { PersonalDataMonths = row.PersonalDataMonths, NeedsDays = row.NeedsDays }));
    }

    /// <summary>The site's defaults: what an administrator set, or else the configured ones.</summary>
    internal static async Task<PrivacyOptions> SiteDefaultsAsync(EventHubDbContext db, PrivacyOptions configured, CancellationToken ct)
    {
        var row = await db.Set<SiteRetention>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteRetention.TheOnlyId, ct);
        return row is null ? configured : new PrivacyOptions { PersonalDataMonths = row.PersonalDataMonths, NeedsDays = row.NeedsDays };
    }

    private static async Task<Refusal?> CheckSeriesAsync(EventHubDbContext db, Actor actor, int seriesId, Permission needed, CancellationToken ct)
    {
        var granted = await EventAccess.ResolveSeriesAsync(db, actor, seriesId, ct);
        return AccessRules.Verdict(granted, needed, PrivacyErrors.SeriesGone)
            ?? (await db.Series.AnyAsync(s => s.Id == seriesId, ct) ? null : PrivacyErrors.SeriesGone);
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
        var siteDefaults = await SiteDefaultsAsync(db, site.Value, ct);
        var inherited = RetentionRules.Resolve(null, forSeries, siteDefaults);
        var effective = RetentionRules.Resolve(new RetentionSetting { PersonalDataMonths = own.PersonalDataMonths, NeedsDays = own.NeedsDays }, forSeries, siteDefaults);
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
