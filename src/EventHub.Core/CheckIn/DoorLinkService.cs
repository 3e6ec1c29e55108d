using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

public sealed record DoorLinkInput(string Label, DateTime ValidFromUtc, DateTime ValidUntilUtc);

/// <summary>What a door link opens, when it is valid now.</summary>
public sealed record OpenDoor(int EventId, string EventTitle, string Label, DateTime ValidUntilUtc);

/// <summary>Organisers hand volunteers door links; volunteers open the check-in page with them.</summary>
public sealed class DoorLinkService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<DoorLink>> CreateAsync(Actor actor, int eventId, DoorLinkInput input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<DoorLink>.Refused(CheckInError.Forbidden, CheckInError.Message(CheckInError.Forbidden));
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

        if (input.ValidUntilUtc <= input.ValidFromUtc)
        {
            errors.Add(new FieldError(nameof(DoorLinkInput.ValidUntilUtc), "The link must stop working after it starts working"));
        }

        if (errors.Count > 0)
        {
            return Outcome<DoorLink>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome<DoorLink>.Refused(ErrorCodes.NotFound, "Event not found.");
        }

        var link = new DoorLink
        {
            EventId = eventId,
            Token = SecureTokens.New(),
            Label = label,
            ValidFromUtc = input.ValidFromUtc,
            ValidUntilUtc = input.ValidUntilUtc,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.DisplayName,
        };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        return Outcome<DoorLink>.Ok(link);
    }

    public async Task<IReadOnlyList<DoorLink>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<DoorLink>().AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Id).ToListAsync(ct);
    }

    public async Task<Outcome<bool>> RevokeAsync(Actor actor, int linkId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Refused(CheckInError.Forbidden, CheckInError.Message(CheckInError.Forbidden));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<DoorLink>().Where(d => d.Id == linkId && d.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RevokedUtc, now), ct);
        return changed == 1 ? Outcome<bool>.Ok(true) : Outcome<bool>.Refused(ErrorCodes.NotFound, "That link is already revoked or does not exist.");
    }

    /// <summary>The event a door link opens, or null when the link is unknown, revoked or outside its window.</summary>
    public async Task<OpenDoor?> OpenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.Set<DoorLink>().AsNoTracking().FirstOrDefaultAsync(d => d.Token == token, ct);
        if (link is null || !link.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        var title = await db.Events.Where(e => e.Id == link.EventId).Select(e => e.Title).FirstAsync(ct);
        return new OpenDoor(link.EventId, title, link.Label, link.ValidUntilUtc);
    }
}
