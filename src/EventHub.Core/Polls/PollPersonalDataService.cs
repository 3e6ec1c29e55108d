using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Polls;

/// <summary>Keeps the promise made to voters: their names, emails and answers go once the poll's date is long past.</summary>
public sealed class PollPersonalDataService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IOptions<PollSettings> settings, IOptions<EmailOptions>? email = null)
{
    /// <summary>
    /// Deletes names, emails, answers and priority tokens of polls whose chosen date (or, for a poll never finalised,
    /// its last date) is more than the retention period ago, keeping each option's counts. Returns the polls cleared.
    /// </summary>
    public async Task<int> DeleteExpiredPersonalDataAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-settings.Value.RetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Set<Poll>().AsNoTracking()
            .Where(p => p.PersonalDataDeletedUtc == null)
            .Where(p => (p.Status == PollStatus.Finalised && p.Options.Any(o => o.Id == p.ChosenOptionId && o.StartUtc <= cutoff))
                || (p.Status == PollStatus.Open && p.Options.Any() && p.Options.All(o => o.EndUtc <= cutoff)))
            .Select(p => p.Id)
            .ToListAsync(ct);
        foreach (var pollId in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var counts = await db.Set<PollVote>()
                .Where(v => db.Set<PollVoter>().Any(voter => voter.Id == v.VoterId && voter.PollId == pollId && !voter.Pending))
                .GroupBy(v => new { v.OptionId, v.Answer })
                .Select(g => new { g.Key.OptionId, g.Key.Answer, Count = g.Count() })
                .ToListAsync(ct);
            var options = await db.Set<PollOption>().Where(o => o.PollId == pollId).ToListAsync(ct);
            foreach (var option in options)
            {
                option.KeptYesCount = counts.Where(c => c.OptionId == option.Id && c.Answer == PollAnswer.Yes).Sum(c => c.Count);
                option.KeptIfNeedBeCount = counts.Where(c => c.OptionId == option.Id && c.Answer == PollAnswer.IfNeedBe).Sum(c => c.Count);
                option.KeptNoCount = counts.Where(c => c.OptionId == option.Id && c.Answer == PollAnswer.No).Sum(c => c.Count);
            }

            await db.SaveChangesAsync(ct);
            await db.Set<PollPriorityToken>().Where(t => t.PollId == pollId).ExecuteDeleteAsync(ct);
            await EraseMessagesAsync(db, pollId, ct);
            await db.Set<PollVote>().Where(v => db.Set<PollVoter>().Any(voter => voter.Id == v.VoterId && voter.PollId == pollId)).ExecuteDeleteAsync(ct);
            await db.Set<PollVoter>().Where(v => v.PollId == pollId).ExecuteDeleteAsync(ct);
            await db.Set<Poll>().Where(p => p.Id == pollId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonalDataDeletedUtc, now), ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }

        return due.Count;
    }

    /// <summary>
    /// Deletes votes whose confirm link expired unconfirmed (with their links), and the mails that carried those links.
    /// Returns the votes deleted.
    /// </summary>
    public async Task<int> DeleteUnconfirmedVotesAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - settings.Value.ConfirmLinkLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.Set<PollVoter>().Where(v => v.Pending && v.CreatedUtc <= cutoff)
            .Select(v => new { v.Id, v.PollId, v.Email }).ToListAsync(ct);
        if (expired.Count == 0)
        {
            return 0;
        }

        var pickup = email?.Value is { UsesPickupFolder: true } options ? options.PickupFolder : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var poll in expired.GroupBy(v => v.PollId))
        {
            var prefix = $"{{\"{nameof(PollConfirmVotePayload.PollId)}\":{poll.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)},";
            var addresses = poll.Select(v => v.Email).OfType<string>().ToList();
            await OutboxErasure.EraseAsync(db, db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.ConfirmVote
                && m.PayloadJson.StartsWith(prefix) && addresses.Contains(m.ToEmail) && m.CreatedUtc <= cutoff), pickup, ct);
        }

        var ids = expired.Select(v => v.Id).ToList();
        var deleted = await db.Set<PollVoter>().Where(v => ids.Contains(v.Id) && v.Pending).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    /// <summary>The poll's own messages name and address voters: they go with the rest of the personal data.</summary>
    private async Task EraseMessagesAsync(EventHubDbContext db, int pollId, CancellationToken ct)
    {
        var pickup = email?.Value is { UsesPickupFolder: true } options ? options.PickupFolder : null;
        // A vote-recorded message carries a voter's private change-your-answers link, a confirm-vote message a confirm
        // link; both payloads start with the poll's id.
        var pollPrefix = $"{{\"{nameof(PollVoteRecordedPayload.PollId)}\":{pollId.ToString(System.Globalization.CultureInfo.InvariantCulture)},";
        await OutboxErasure.EraseAsync(db, db.Set<OutboxMessage>()
            .Where(m => (m.Template == PollTemplates.VoteRecorded || m.Template == PollTemplates.ConfirmVote) && m.PayloadJson.StartsWith(pollPrefix)), pickup, ct);

        var eventId = await db.Set<Poll>().Where(p => p.Id == pollId).Select(p => p.EventId).FirstOrDefaultAsync(ct);
        if (eventId is int id)
        {
            await OutboxErasure.EraseAsync(db, db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.EventPublished && m.EventId == id), pickup, ct);
        }
    }
}
