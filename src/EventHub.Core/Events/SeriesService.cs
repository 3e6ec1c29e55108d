using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events;

/// <summary>Organiser use cases for event series.</summary>
public sealed class SeriesService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SeriesSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = actor.IsAdministrator;
        return await db.Series.AsNoTracking()
            .Where(s => all || db.Set<TeamMember>().Any(m => m.SeriesId == s.Id && m.OrganiserId == actor.UserId))
            .OrderBy(s => s.Name)
            .Select(s => new SeriesSummary(s.Id, s.Name, s.Slug, s.Description, s.Events.Count))
            .ToListAsync(ct);
    }

    public async Task<SeriesInput?> GetForEditAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await EventAccess.ResolveSeriesAsync(db, actor, id, ct)).Contains(Permission.Edit))
        {
            return null;
        }

        return await db.Series.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SeriesInput { Name = s.Name, Slug = s.Slug, Description = s.Description, PrivacyNotice = s.PrivacyNotice })
            .FirstOrDefaultAsync(ct);
    }

    public Task<Outcome<EventSeries>> CreateAsync(Actor actor, SeriesInput input, CancellationToken ct = default) =>
        SaveAsync(actor, null, input, ct);

    public Task<Outcome<EventSeries>> UpdateAsync(Actor actor, int id, SeriesInput input, CancellationToken ct = default) =>
        SaveAsync(actor, id, input, ct);

    private async Task<Outcome<EventSeries>> SaveAsync(Actor actor, int? id, SeriesInput input, CancellationToken ct)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<EventSeries>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var granted = id is null ? AccessRules.Everything : await EventAccess.ResolveSeriesAsync(db, actor, id.Value, ct);
        if (AccessRules.Verdict(granted, Permission.Edit, EventErrors.SeriesGone) is { } refusal)
        {
            return Outcome<EventSeries>.Refused(refusal);
        }

        var errors = EventRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<EventSeries>.Invalid(errors);
        }

        EventSeries? series;
        if (id is null)
        {
            series = new EventSeries { Name = string.Empty, Slug = string.Empty, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Series.Add(series);
            await EventAccess.AddOwnerAsync(db, actor, null, series, series.CreatedUtc, ct);
        }
        else
        {
            series = await db.Series.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (series is null)
            {
                return Outcome<EventSeries>.NotFound(EventErrors.SeriesGone);
            }
        }

        var requested = input.Slug.Trim();
        string slug;
        if (requested.Length > 0)
        {
            if (await db.Series.AnyAsync(s => s.Slug == requested && s.Id != series.Id, ct))
            {
                return Outcome<EventSeries>.Invalid(nameof(SeriesInput.Slug), EventErrors.SeriesSlugTaken.Message);
            }

            slug = requested;
        }
        else
        {
            var baseSlug = Slugs.FromTitle(input.Name);
            baseSlug = baseSlug.Length == 0 ? "series" : baseSlug;
            slug = await Slugs.MakeUniqueAsync(baseSlug, c => db.Series.AnyAsync(s => s.Slug == c && s.Id != series.Id, ct));
        }

        series.Name = input.Name.Trim();
        series.Slug = slug;
        series.Description = input.Description.Trim();
        series.PrivacyNotice = input.PrivacyNotice.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<EventSeries>.Invalid(nameof(SeriesInput.Slug), EventErrors.SeriesSlugTaken.Message);
        }

        return Outcome<EventSeries>.Ok(series);
    }
}
