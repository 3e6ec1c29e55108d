using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Polls;

/// <summary>
/// Anyone with a poll's link sees it and votes; a voter changes their answers through their private link. On a poll
/// that confirms votes by email, a vote waits until the link mailed to its address is confirmed.
/// </summary>
public sealed class PollVotingService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, UnrequestedMail? unrequested = null, IOptions<PollSettings>? settings = null)
{
    private readonly UnrequestedMail _unrequested = unrequested ?? UnrequestedMail.Default;
    private readonly PollSettings _settings = settings?.Value ?? new PollSettings();

    /// <summary>The public page behind the share link.</summary>
    public async Task<PollView?> GetByTokenAsync(string publicToken, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(publicToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.PublicToken == publicToken, ct);
        return poll is null ? null : await PollViews.LoadAsync(db, poll, Now, ct);
    }

    /// <summary>The page behind a voter's private link: the poll and their own answers.</summary>
    public async Task<VoterBallot?> GetBallotAsync(string editToken, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(editToken) || editToken.Length > 64)
        {
            return null;
        }

        var hash = SecureTokens.Hash(editToken);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var voter = await db.Set<PollVoter>().AsNoTracking().Counted().Include(v => v.Answers).FirstOrDefaultAsync(v => v.EditTokenHash == hash, ct);
        if (voter is null)
        {
            return null;
        }

        var poll = await db.Set<Poll>().AsNoTracking().FirstAsync(p => p.Id == voter.PollId, ct);
        var view = await PollViews.LoadAsync(db, poll, Now, ct);
        // Only the priority token's hash is kept, so this page cannot show the mailed link again: its own private link
        // opens early booking instead (PollPriority accepts a priority voter's edit token).
        var prioritySlug = await db.Set<PollPriorityToken>().AsNoTracking()
            .Where(t => t.VoterId == voter.Id)
            .Join(db.Events.Where(e => e.Status == EventStatus.Published), t => t.EventId, e => e.Id, (t, e) => e.Slug)
            .FirstOrDefaultAsync(ct);
        return new VoterBallot(view, voter.Id, voter.Name, voter.Email ?? string.Empty, voter.Answers.ToDictionary(a => a.OptionId, a => a.Answer),
            prioritySlug is null ? null : PollRoutes.PriorityBooking(prioritySlug, editToken));
    }

    public async Task<Outcome<VoteReceipt>> VoteAsync(string publicToken, VoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.PublicToken == publicToken, ct);
        if (poll is null)
        {
            return Outcome<VoteReceipt>.NotFound(PollErrors.NotFound);
        }

        // A pending vote's edit token is never handed out: confirming it mints the one the voter gets.
        var editToken = SecureTokens.New();
        return await RecordAsync(db, poll, input, editToken, (now, email) =>
        {
            var voter = new PollVoter
            {
                PollId = poll.Id,
                Name = input.Name.Trim(),
                Email = email,
                EditTokenHash = SecureTokens.Hash(editToken),
                Pending = poll.ConfirmVotesByEmail,
                CreatedUtc = now,
                UpdatedUtc = now,
                Answers = poll.Options.Select(o => new PollVote { OptionId = o.Id, Answer = input.Answers[o.Id]!.Value }).ToList(),
            };
            db.Set<PollVoter>().Add(voter);
            return (voter, email is not null);
        }, ct);
    }

    /// <summary>The page behind a confirm link: the poll and the pending vote; null for a link that is not valid (now).</summary>
    public async Task<PendingVote?> GetPendingAsync(string confirmToken, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var voter = await db.Set<PollVoter>().AsNoTracking().Include(v => v.Answers)
            .WithConfirmLink(db, confirmToken, Now, _settings.ConfirmLinkLifetime).FirstOrDefaultAsync(ct);
        if (voter is null)
        {
            return null;
        }

        var poll = await db.Set<Poll>().AsNoTracking().FirstAsync(p => p.Id == voter.PollId, ct);
        var view = await PollViews.LoadAsync(db, poll, Now, ct);
        return new PendingVote(view, voter.Name, voter.Answers.ToDictionary(a => a.OptionId, a => a.Answer));
    }

    /// <summary>
    /// Confirms a pending vote through the link mailed to its address (a POST: mail scanners only GET). The vote then
    /// counts and replaces any earlier confirmed vote from that address; the link is used up, and the voter is mailed
    /// (and shown) a fresh private link to change their answers.
    /// </summary>
    public async Task<Outcome<VoteReceipt>> ConfirmVoteAsync(string confirmToken, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var found = await db.Set<PollVoter>().AsNoTracking()
            .WithConfirmLink(db, confirmToken, now, _settings.ConfirmLinkLifetime).Select(v => new { v.Id, v.PollId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Outcome<VoteReceipt>.NotFound(PollErrors.ConfirmLinkNotValid);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockIfAcceptingVotesAsync(db, found.PollId, now, ct))
        {
            return await RefusedNowAsync(db, found.PollId, now, ct);
        }

        // Read again under the lock: a second click, or a concurrent erasure, finds nothing to confirm.
        var voter = await db.Set<PollVoter>().WithConfirmLink(db, confirmToken, now, _settings.ConfirmLinkLifetime).FirstOrDefaultAsync(ct);
        if (voter is null)
        {
            return Outcome<VoteReceipt>.NotFound(PollErrors.ConfirmLinkNotValid);
        }

        var poll = await db.Set<Poll>().AsNoTracking().FirstAsync(p => p.Id == voter.PollId, ct);
        await db.Set<PollVoter>().Counted().Where(v => v.PollId == voter.PollId && v.Email == voter.Email && v.Id != voter.Id).ExecuteDeleteAsync(ct);
        await db.Set<PollLink>().Where(l => l.VoterId == voter.Id).ExecuteDeleteAsync(ct);
        var editToken = SecureTokens.New();
        voter.Pending = false;
        voter.EditTokenHash = SecureTokens.Hash(editToken);
        voter.UpdatedUtc = now;
        QueueReceipt(db, poll, voter.Email!, editToken, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<VoteReceipt>.Ok(new VoteReceipt(voter.Id, editToken, EmailQueued: true));
    }

    /// <summary>Changes a voter's name, email and answers through their private link.</summary>
    public async Task<Outcome<VoteReceipt>> ChangeVoteAsync(string editToken, VoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = string.IsNullOrWhiteSpace(editToken) || editToken.Length > 64 ? null : SecureTokens.Hash(editToken);
        var voter = hash is null ? null : await db.Set<PollVoter>().Counted().Include(v => v.Answers).FirstOrDefaultAsync(v => v.EditTokenHash == hash, ct);
        if (voter is null)
        {
            return Outcome<VoteReceipt>.NotFound(PollErrors.VoterNotFound);
        }

        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Options).FirstAsync(p => p.Id == voter.PollId, ct);
        if (poll.ConfirmVotesByEmail && voter.Email is not null && NormaliseEmail(input.Email) is { } typed && typed != voter.Email)
        {
            return Outcome<VoteReceipt>.Refused(PollErrors.EmailFixed, nameof(VoteInput.Email));
        }

        return await RecordAsync(db, poll, input, editToken, (now, email) =>
        {
            var emailChanged = email is not null && email != voter.Email;
            voter.Name = input.Name.Trim();
            voter.Email = email;
            voter.UpdatedUtc = now;
            foreach (var option in poll.Options)
            {
                var answer = input.Answers[option.Id]!.Value;
                var existing = voter.Answers.FirstOrDefault(a => a.OptionId == option.Id);
                if (existing is null)
                {
                    voter.Answers.Add(new PollVote { OptionId = option.Id, Answer = answer });
                }
                else
                {
                    existing.Answer = answer;
                }
            }

            return (voter, emailChanged);
        }, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Checks the vote, then lets <paramref name="write"/> stage it (given the time and the normalised email) and saves
    /// it in one transaction, only while the poll still accepts votes.
    /// </summary>
    private async Task<Outcome<VoteReceipt>> RecordAsync(
        EventHubDbContext db, Poll poll, VoteInput input, string editToken, Func<DateTime, string?, (PollVoter Voter, bool SendReceipt)> write,
        CancellationToken ct)
    {
        var now = Now;
        var refused = CheckVote(poll, input, now);
        if (refused is not null)
        {
            return refused;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockIfAcceptingVotesAsync(db, poll.Id, now, ct))
        {
            return await RefusedNowAsync(db, poll.Id, now, ct);
        }

        var (voter, sendReceipt) = write(now, NormaliseEmail(input.Email));
        if (voter.Pending)
        {
            // Anyone can type any address: the confirm link counts towards that address's unrequested mail, and the
            // answer is the same whether or not the cap let it through. The edit token is not handed out.
            var expires = now + _settings.ConfirmLinkLifetime;
            await _unrequested.TryEnqueueAsync(db, PollTemplates.ConfirmVote, voter.Email!, new PollConfirmVotePayload
            {
                PollId = poll.Id,
                PollTitle = poll.Title,
                ConfirmPath = PollRoutes.ConfirmVote(PollLinks.MintConfirm(db, voter, now)),
                ExpiresUtc = expires,
                TimeZoneId = poll.TimeZoneId,
            }, now, eventId: null, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<VoteReceipt>.Ok(new VoteReceipt(voter.Id, string.Empty, EmailQueued: false) { AwaitingConfirmation = true, ConfirmBy = expires });
        }

        if (sendReceipt)
        {
            // Anyone can type any address: the receipt counts towards that address's unrequested mail, and the
            // answer is the same whether or not the cap let it through.
            await _unrequested.TryEnqueueAsync(db, PollTemplates.VoteRecorded, voter.Email!, ReceiptPayload(poll, editToken), now, eventId: null, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<VoteReceipt>.Ok(new VoteReceipt(voter.Id, editToken, sendReceipt));
    }

    /// <summary>The receipt after a confirmed vote: the address's owner asked for it by confirming, so it is not capped.</summary>
    private static void QueueReceipt(EventHubDbContext db, Poll poll, string email, string editToken, DateTime now) =>
        Outbox.Enqueue(db, PollTemplates.VoteRecorded, email, string.Empty, ReceiptPayload(poll, editToken), now);

    private static PollVoteRecordedPayload ReceiptPayload(Poll poll, string editToken) => new()
    {
        PollId = poll.Id,
        PollTitle = poll.Title,
        ChangeAnswersPath = PollRoutes.ChangeAnswers(editToken),
    };

    private static Outcome<VoteReceipt>? CheckVote(Poll poll, VoteInput input, DateTime now)
    {
        if (PollRules.VotingRefusal(poll, now) is { } refusal)
        {
            return Outcome<VoteReceipt>.Refused(refusal);
        }

        var errors = PollRules.Validate(input, Labels(poll), emailNeeded: poll.ConfirmVotesByEmail);
        return errors.Count > 0 ? Outcome<VoteReceipt>.Invalid(errors) : null;
    }

    /// <summary>
    /// Writes to the poll row only while it still accepts votes: on SQLite this takes the write lock, elsewhere the
    /// row lock, so a vote cannot slip in after a concurrent finalise.
    /// </summary>
    private static async Task<bool> LockIfAcceptingVotesAsync(EventHubDbContext db, int pollId, DateTime now, CancellationToken ct) =>
        await db.Set<Poll>()
            .Where(p => p.Id == pollId && p.Status == PollStatus.Open && p.PersonalDataDeletedUtc == null && (p.ClosesUtc == null || p.ClosesUtc > now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PollStatus.Open), ct) == 1;

    /// <summary>The lock failed, so the poll changed since it was read: say why it takes no votes now.</summary>
    private static async Task<Outcome<VoteReceipt>> RefusedNowAsync(EventHubDbContext db, int pollId, DateTime now, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstAsync(p => p.Id == pollId, ct);
        return Outcome<VoteReceipt>.Refused(
            PollRules.VotingRefusal(poll.Status, poll.ClosesUtc, poll.TimeZoneId, now) ?? PollErrors.PersonalDataDeleted);
    }

    private static string? NormaliseEmail(string? email)
    {
        var normalised = EmailAddresses.Normalise(email);
        return normalised.Length == 0 ? null : normalised;
    }

    private static List<(int OptionId, string Label)> Labels(Poll poll) =>
        poll.Options.OrderBy(o => o.StartUtc).Select(o => (o.Id, EventTime.FormatRange(o.StartUtc, o.EndUtc, poll.TimeZoneId))).ToList();
}
