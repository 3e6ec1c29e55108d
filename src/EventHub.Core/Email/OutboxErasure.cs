using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Email;

/// <summary>
/// Deletes outbox messages (and their .eml copies in the pickup folder) when the personal data they carry reaches
/// the end of its retention period, so a name or address deleted elsewhere does not live on in sent mail.
/// </summary>
public static class OutboxErasure
{
    /// <summary>Deletes the messages <paramref name="which"/> selects. Returns how many were deleted.</summary>
    public static async Task<int> EraseAsync(EventHubDbContext db, IQueryable<OutboxMessage> which, string? pickupFolder, CancellationToken ct)
    {
        var doomed = await which.Select(m => new { m.Id, m.MessageId }).ToListAsync(ct);
        if (doomed.Count == 0)
        {
            return 0;
        }

        var ids = doomed.Select(m => m.Id).ToList();
        var deleted = await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
        if (!string.IsNullOrWhiteSpace(pickupFolder) && Directory.Exists(pickupFolder))
        {
            foreach (var message in doomed)
            {
                File.Delete(MimeComposer.PickupPath(pickupFolder, message.Id, message.MessageId));
            }
        }

        return deleted;
    }
}
