using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Walk-in pitching: anyone with the event's pitch link proposes a session with a name and a title, when the organiser
/// lets walk-ins pitch; with moderation on, the pitch waits for an organiser before it joins the queue.
/// </summary>
public sealed class WalkInPitchService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, PitchQueueService queue)
{
    /// <summary>The pitch form of a public Open Space or Hybrid event; null when there is none.</summary>
    public async Task<PitchForm?> GetFormAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        return ev is null ? null : await FormAsync(db, ev, ct);
    }

    public async Task<PitchForm?> GetFormAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        return ev is null ? null : await FormAsync(db, ev, ct);
    }

    public async Task<Outcome<WalkInPitched>> PitchAsync(string slug, WalkInPitchInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        var form = ev is null ? null : await FormAsync(db, ev, ct);
        if (ev is null || form is null)
        {
            return Outcome<WalkInPitched>.NotFound(OpenSpaceErrors.NoProposals);
        }

        if (!form.IsOpen)
        {
            return Outcome<WalkInPitched>.Refused(OpenSpaceErrors.WalkInsClosed);
        }

        if (ev.EndUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return Outcome<WalkInPitched>.Refused(OpenSpaceErrors.PitchingEnded);
        }

        var errors = OpenSpaceRules.ValidateWalkIn(input);
        if (errors.Count > 0)
        {
            return Outcome<WalkInPitched>.Invalid(errors);
        }

        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var status = form.IsModerated ? ProposalStatus.AwaitingModeration : ProposalStatus.Queued;
        var added = await queue.ProposeAsync(ev.Id, new ProposalInput(input.Title, input.ConvenerName, CreditByName: input.CreditByName), input.ConvenerName!, status: status, convenerEmail: email, ct: ct);
        return added.Succeeded
            ? Outcome<WalkInPitched>.Ok(new WalkInPitched(added.Value!.Id, added.Value.Title, form.IsModerated))
            : Outcome<WalkInPitched>.Invalid(added.Errors);
    }

    public async Task<Outcome<WalkInPolicy>> GetPolicyAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await BoardGuards.EventAsync(db, actor, eventId, Permission.See, ct) is { } refusal)
        {
            return Outcome<WalkInPolicy>.Refused(refusal);
        }

        var settings = await db.Set<WalkInSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        return Outcome<WalkInPolicy>.Ok(settings is null ? WalkInPolicy.TicketHoldersOnly : new(settings.WalkInsMayPitch, settings.ModerateWalkIns));
    }

    /// <summary>Someone who runs the board chooses whether walk-ins may pitch and whether their pitches wait for moderation.</summary>
    public async Task<Outcome<WalkInPolicy>> SetPolicyAsync(Actor actor, int eventId, WalkInPolicy policy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await BoardGuards.EventAsync(db, actor, eventId, BoardGuards.RunBoard, ct) is { } refusal)
        {
            return Outcome<WalkInPolicy>.Refused(refusal);
        }

        if (!await db.Events.AnyAsync(e => e.Id == eventId && e.Kind != EventKind.Forum, ct))
        {
            return Outcome<WalkInPolicy>.NotFound(OpenSpaceErrors.NoProposals);
        }

        var settings = await db.Set<WalkInSettings>().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        if (settings is null)
        {
            settings = new WalkInSettings { EventId = eventId };
            db.Add(settings);
        }

        settings.WalkInsMayPitch = policy.WalkInsMayPitch;
        settings.ModerateWalkIns = policy.ModerateWalkIns;
        await db.SaveChangesAsync(ct);
        return Outcome<WalkInPolicy>.Ok(policy);
    }

    private static async Task<PitchForm?> FormAsync(EventHubDbContext db, Event ev, CancellationToken ct)
    {
        if (!ev.IsPublic || ev.Kind == EventKind.Forum)
        {
            return null;
        }

        var settings = await db.Set<WalkInSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == ev.Id, ct);
        return new PitchForm(ev.Id, ev.Slug, ev.Title, settings?.WalkInsMayPitch == true, settings?.ModerateWalkIns == true);
    }
}
