using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>Copies an event's own retention periods into a new edition (one without its own keeps following its series' or the site's).</summary>
internal sealed class RetentionEditionCopy : IEditionCopyPart
{
    public async Task<IReadOnlyList<string>> CopyAsync(EventHubDbContext db, int sourceId, int copyId, EditionShift shift, CancellationToken ct)
    {
        var own = await db.Set<RetentionSetting>().AsNoTracking().FirstOrDefaultAsync(r => r.EventId == sourceId, ct);
        if (own is null || (own.PersonalDataMonths is null && own.NeedsDays is null))
        {
            return [];
        }

        db.Add(new RetentionSetting { EventId = copyId, PersonalDataMonths = own.PersonalDataMonths, NeedsDays = own.NeedsDays });
        return ["the retention periods"];
    }
}
