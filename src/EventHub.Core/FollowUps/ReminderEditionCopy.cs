using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.FollowUps;

/// <summary>Copies when an event's reminders go out into a new edition (an event without its own uses the defaults anyway).</summary>
internal sealed class ReminderEditionCopy : IEditionCopyPart
{
    public async Task<IReadOnlyList<string>> CopyAsync(EventHubDbContext db, int sourceId, int copyId, EditionShift shift, CancellationToken ct)
    {
        var settings = await db.Set<ReminderSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == sourceId, ct);
        if (settings is null)
        {
            return [];
        }

        db.Add(new ReminderSettings { EventId = copyId, OffsetMinutes = settings.OffsetMinutes });
        return ["reminders (" + ReminderSchedule.Describe(ReminderSchedule.FromStored(settings.OffsetMinutes)) + ")"];
    }
}
