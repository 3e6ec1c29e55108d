using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Events;

/// <summary>Hands Email the snapshot of an event its messages and calendar invites show.</summary>
public sealed class EmailEventSource : IEmailEventSource
{
    public async Task<EmailEvent?> FindAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var evt = await db.Events.AsNoTracking().Include(e => e.Series).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        return evt is null ? null : Snapshot(evt);
    }

    /// <summary>The snapshot of an event; its series' name and address only when <see cref="Event.Series"/> was loaded.</summary>
    public static EmailEvent Snapshot(Event evt) => new()
    {
        Id = evt.Id,
        SeriesId = evt.SeriesId,
        SeriesName = evt.Series?.Name,
        SeriesSlug = evt.Series?.Slug,
        Title = evt.Title,
        Slug = evt.Slug,
        Summary = evt.Summary,
        StartUtc = evt.StartUtc,
        EndUtc = evt.EndUtc,
        TimeZoneId = evt.TimeZoneId,
        VenueName = evt.VenueName,
        VenueAddress = evt.VenueAddress,
        OnlineUrl = evt.OnlineUrl,
        Status = evt.Status.ToString(),
        ChangedUtc = evt.UpdatedUtc == default ? evt.CreatedUtc : evt.UpdatedUtc,
    };
}
