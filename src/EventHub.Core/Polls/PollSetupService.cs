using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Polls;

/// <summary>Organisers create date polls and look at them (the list and one poll's details).</summary>
public sealed class PollSetupService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<Poll>> CreateAsync(Actor actor, PollInput input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser || actor.UserId is null)
        {
            return Outcome<Poll>.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = PollRules.Validate(input, now, out var times);
        if (errors.Count > 0)
        {
            return Outcome<Poll>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.SeriesId is { } seriesId && !await db.Series.AnyAsync(s => s.Id == seriesId, ct))
        {
            return Outcome<Poll>.Invalid(nameof(PollInput.SeriesId), PollErrors.SeriesGone.Message);
        }

        // A poll in a series belongs to the series' team: only someone who may edit the series may put one there.
        if (input.SeriesId is { } chosen && !(await EventAccess.ResolveSeriesAsync(db, actor, chosen, ct)).Contains(Permission.Edit))
        {
            return Outcome<Poll>.Refused(PollErrors.SeriesNotYours, nameof(PollInput.SeriesId));
        }

        var poll = new Poll
        {
            Title = input.Title.Trim(),
            Description = input.Description.Trim(),
            Place = input.Place.Trim(),
            TimeZoneId = input.TimeZoneId,
            ClosesUtc = times!.ClosesUtc,
            SeriesId = input.SeriesId,
            PublicToken = SecureTokens.New(),
            Status = PollStatus.Open,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.DisplayName,
            CreatedUtc = now,
            Options = times.Options.Select(o => new PollOption { StartUtc = o.StartUtc, EndUtc = o.EndUtc }).ToList(),
        };
        db.Set<Poll>().Add(poll);
        await db.SaveChangesAsync(ct);
        return Outcome<Poll>.Ok(poll);
    }

    /// <summary>
    /// Turns "one vote per email address, confirmed by a link" on or off while the poll is open. Votes already given
    /// stay as they are: counted ones stay counted, waiting ones still need their link.
    /// </summary>
    public async Task<Outcome<bool>> SetConfirmVotesByEmailAsync(Actor actor, int pollId, bool on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().FirstOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null)
        {
            return Outcome<bool>.NotFound(PollErrors.NotFound);
        }

        if (await PollAccess.CheckAsync(db, actor, poll, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        if (PollRules.VotingRefusal(poll, clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            return Outcome<bool>.Refused(closed);
        }

        poll.ConfirmVotesByEmail = on;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(on);
    }

    /// <summary>The polls the actor may read (<see cref="PollAccess"/>), newest first.</summary>
    public async Task<IReadOnlyList<PollListRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await PollAccess.ScopeAsync(db, actor, PollAccess.Read, ct))
            .OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id)
            .Select(p => new PollListRow(p.Id, p.Title, p.Status, p.Options.Count, p.Voters.Count(v => !v.Pending), p.ClosesUtc, p.TimeZoneId,
                p.PublicToken, p.EventId, p.CreatedUtc))
            .ToListAsync(ct);
    }

    /// <summary>One poll with its voters' answers; null when it does not exist or the actor may not read it.</summary>
    public async Task<PollDetail?> GetAsync(Actor actor, int pollId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Series).Include(p => p.Event)
            .FirstOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null || await PollAccess.CheckAsync(db, actor, poll, PollAccess.Read, ct) is not null)
        {
            return null;
        }

        var view = await PollViews.LoadAsync(db, poll, clock.GetUtcNow().UtcDateTime, ct);
        return new PollDetail(view, poll.Series?.Name, poll.EventId, poll.Event?.Title, poll.FinalisedUtc, poll.CreatedUtc);
    }
}
