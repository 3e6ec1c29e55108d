using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Polls;

/// <summary>Settings for polls, bound from the "Polls" configuration section.</summary>
public sealed class PollSettings
{
    /// <summary>Days after the chosen date (or the last date of a poll never finalised) before names, emails and answers are deleted.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the background service looks for published poll events and for personal data due for deletion.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Use cases of date polls: organisers create and finalise them, anyone with the link votes.</summary>
public sealed class PollService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, EventService events, IOptions<PollSettings> settings,
    IOptions<EmailOptions>? email = null)
{
    public async Task<Outcome<Poll>> CreateAsync(Actor actor, PollInput input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser || actor.UserId is null)
        {
            return PollErrors.Forbidden<Poll>();
        }

        var now = Now;
        var errors = PollRules.Validate(input, now, out var times);
        if (errors.Count > 0)
        {
            return Outcome<Poll>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.SeriesId is { } seriesId && !await db.Series.AnyAsync(s => s.Id == seriesId, ct))
        {
            return Outcome<Poll>.Invalid(nameof(PollInput.SeriesId), "That series no longer exists. Choose another or none");
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

    public async Task<IReadOnlyList<PollListRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Poll>().AsNoTracking()
            .OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id)
            .Select(p => new PollListRow(p.Id, p.Title, p.Status, p.Options.Count, p.Voters.Count, p.ClosesUtc, p.TimeZoneId,
                p.PublicToken, p.EventId, p.CreatedUtc))
            .ToListAsync(ct);
    }

    public async Task<PollDetail?> GetAsync(Actor actor, int pollId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Series).Include(p => p.Event)
            .FirstOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null)
        {
            return null;
        }

        var view = await LoadViewAsync(db, poll, ct);
        return new PollDetail(view, poll.Series?.Name, poll.EventId, poll.Event?.Title, poll.FinalisedUtc, poll.CreatedUtc);
    }

    /// <summary>The public page behind the share link.</summary>
    public async Task<PollView?> GetByTokenAsync(string publicToken, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(publicToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.PublicToken == publicToken, ct);
        return poll is null ? null : await LoadViewAsync(db, poll, ct);
    }

    /// <summary>The page behind a voter's private link: the poll and their own answers.</summary>
    public async Task<VoterBallot?> GetBallotAsync(string editToken, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(editToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var voter = await db.Set<PollVoter>().AsNoTracking().Include(v => v.Answers).FirstOrDefaultAsync(v => v.EditToken == editToken, ct);
        if (voter is null)
        {
            return null;
        }

        var poll = await db.Set<Poll>().AsNoTracking().FirstAsync(p => p.Id == voter.PollId, ct);
        var view = await LoadViewAsync(db, poll, ct);
        var priority = await db.Set<PollPriorityToken>().AsNoTracking()
            .Where(t => t.VoterId == voter.Id)
            .Join(db.Events.Where(e => e.Status == EventStatus.Published), t => t.EventId, e => e.Id, (t, e) => new { t.Token, e.Slug })
            .FirstOrDefaultAsync(ct);
        return new VoterBallot(view, voter.Id, voter.Name, voter.Email ?? string.Empty, voter.Answers.ToDictionary(a => a.OptionId, a => a.Answer),
            priority is null ? null : PollRoutes.PriorityBooking(priority.Slug, priority.Token));
    }

    public async Task<Outcome<VoteReceipt>> VoteAsync(string publicToken, VoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.PublicToken == publicToken, ct);
        if (poll is null)
        {
            return PollErrors.NotFound<VoteReceipt>();
        }

        var now = Now;
        var refused = CheckVote(poll, input, now);
        if (refused is not null)
        {
            return refused;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockIfAcceptingVotesAsync(db, poll.Id, now, ct))
        {
            return await RefusedNowAsync<VoteReceipt>(db, poll.Id, now, ct);
        }

        var email = NormaliseEmail(input.Email);
        var voter = new PollVoter
        {
            PollId = poll.Id,
            Name = input.Name.Trim(),
            Email = email,
            EditToken = SecureTokens.New(),
            CreatedUtc = now,
            UpdatedUtc = now,
            Answers = poll.Options.Select(o => new PollVote { OptionId = o.Id, Answer = input.Answers[o.Id]!.Value }).ToList(),
        };
        db.Set<PollVoter>().Add(voter);
        if (email is not null)
        {
            EnqueueVoteRecorded(db, poll, voter, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<VoteReceipt>.Ok(new VoteReceipt(voter.Id, voter.EditToken, email is not null));
    }

    /// <summary>Changes a voter's name, email and answers through their private link.</summary>
    public async Task<Outcome<VoteReceipt>> ChangeVoteAsync(string editToken, VoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var voter = string.IsNullOrWhiteSpace(editToken)
            ? null
            : await db.Set<PollVoter>().Include(v => v.Answers).FirstOrDefaultAsync(v => v.EditToken == editToken, ct);
        if (voter is null)
        {
            return Outcome<VoteReceipt>.Refused(ErrorCodes.NotFound, PollErrors.VoterNotFoundMessage);
        }

        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Options).FirstAsync(p => p.Id == voter.PollId, ct);
        var now = Now;
        var refused = CheckVote(poll, input, now);
        if (refused is not null)
        {
            return refused;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockIfAcceptingVotesAsync(db, poll.Id, now, ct))
        {
            return await RefusedNowAsync<VoteReceipt>(db, poll.Id, now, ct);
        }

        var email = NormaliseEmail(input.Email);
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

        if (emailChanged)
        {
            EnqueueVoteRecorded(db, poll, voter, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<VoteReceipt>.Ok(new VoteReceipt(voter.Id, voter.EditToken, emailChanged));
    }

    /// <summary>
    /// The organiser picks an option; EventHub creates a draft event with the poll's title, description, place,
    /// the chosen times and the poll's series, and links the poll to it.
    /// </summary>
    public async Task<Outcome<FinaliseReceipt>> FinaliseAsync(Actor actor, FinaliseRequest request, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return PollErrors.Forbidden<FinaliseReceipt>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Options).FirstOrDefaultAsync(p => p.Id == request.PollId, ct);
        if (poll is null)
        {
            return PollErrors.NotFound<FinaliseReceipt>();
        }

        if (poll.Status == PollStatus.Finalised)
        {
            return Outcome<FinaliseReceipt>.Refused(ErrorCodes.Conflict, PollErrors.AlreadyFinalisedMessage);
        }

        var option = poll.Options.FirstOrDefault(o => o.Id == request.OptionId);
        if (option is null)
        {
            return Outcome<FinaliseReceipt>.Invalid(nameof(FinaliseRequest.OptionId), PollErrors.OptionNotFoundMessage);
        }

        var capacity = request.Capacity ?? Math.Max(1, await db.Set<PollVote>()
            .CountAsync(v => v.OptionId == option.Id && (v.Answer == PollAnswer.Yes || v.Answer == PollAnswer.IfNeedBe), ct));

        var now = Now;

        // Create the draft first, then claim the poll and link the draft in one conditional update. A crash between
        // the two leaves at worst an unlinked draft event (visible to organisers), never a finalised poll without one;
        // two organisers finalising at once both create drafts, exactly one claim succeeds and the other removes its own.
        var input = new EventInput
        {
            SeriesId = poll.SeriesId,
            Title = poll.Title,
            Summary = poll.Description,
            Kind = EventKind.Forum,
            VenueName = poll.Place,
            TimeZoneId = poll.TimeZoneId,
            StartLocal = EventTime.ToLocal(option.StartUtc, poll.TimeZoneId),
            EndLocal = EventTime.ToLocal(option.EndUtc, poll.TimeZoneId),
            Capacity = capacity,
        };
        var created = await events.CreateAsync(actor, input, ct);
        if (!created.Succeeded)
        {
            var why = created.Errors.Count > 0 ? created.Errors[0].Message : "The event could not be created.";
            return created.Errors.Any(e => e.Field == nameof(EventInput.Capacity))
                ? Outcome<FinaliseReceipt>.Invalid(nameof(FinaliseRequest.Capacity), why)
                : Outcome<FinaliseReceipt>.Refused(ErrorCodes.Conflict, "The draft event could not be created: " + why);
        }

        var eventId = created.Value!.Id;
        var claimed = await db.Set<Poll>()
            .Where(p => p.Id == poll.Id && p.Status == PollStatus.Open && p.EventId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PollStatus.Finalised)
                .SetProperty(p => p.ChosenOptionId, option.Id)
                .SetProperty(p => p.FinalisedUtc, now)
                .SetProperty(p => p.EventId, eventId), CancellationToken.None);
        if (claimed == 0)
        {
            await db.Events.Where(e => e.Id == eventId && e.Status == EventStatus.Draft).ExecuteDeleteAsync(CancellationToken.None);
            return Outcome<FinaliseReceipt>.Refused(ErrorCodes.Conflict, PollErrors.AlreadyFinalisedMessage);
        }

        return Outcome<FinaliseReceipt>.Ok(new FinaliseReceipt(poll.Id, eventId, option.Id));
    }

    /// <summary>
    /// Call after an event is published. When it came from a poll: gives Yes / If need be voters a priority booking
    /// token, and queues a message with the date and an .ics invite to every voter who gave an email. Runs once per poll.
    /// Returns the number of messages queued.
    /// </summary>
    public async Task<int> OnEventPublishedAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.EventId == eventId && p.PublishedNoticeUtc == null && p.PersonalDataDeletedUtc == null, ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (poll is null || ev is null || ev.Status != EventStatus.Published || poll.ChosenOptionId is not { } chosenId)
        {
            return 0;
        }

        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<Poll>()
            .Where(p => p.Id == poll.Id && p.PublishedNoticeUtc == null && p.PersonalDataDeletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedNoticeUtc, now), ct);
        if (claimed == 0)
        {
            return 0;
        }

        var voters = await db.Set<PollVoter>().AsNoTracking().Include(v => v.Answers)
            .Where(v => v.PollId == poll.Id).OrderBy(v => v.Id).ToListAsync(ct);
        var eventPath = $"/events/{ev.Slug}";
        var queued = 0;
        foreach (var voter in voters)
        {
            string? priorityPath = null;
            var answer = voter.Answers.FirstOrDefault(a => a.OptionId == chosenId)?.Answer;
            if (answer is PollAnswer.Yes or PollAnswer.IfNeedBe)
            {
                var token = new PollPriorityToken { PollId = poll.Id, EventId = ev.Id, VoterId = voter.Id, Token = SecureTokens.New(), CreatedUtc = now };
                db.Set<PollPriorityToken>().Add(token);
                priorityPath = PollRoutes.PriorityBooking(ev.Slug, token.Token);
            }

            if (voter.Email is { Length: > 0 } email)
            {
                Outbox.Enqueue(db, PollTemplates.EventPublished, email, voter.Name, new PollEventPublishedPayload
                {
                    PollTitle = poll.Title,
                    EventTitle = ev.Title,
                    VoterName = voter.Name,
                    StartUtc = ev.StartUtc,
                    EndUtc = ev.EndUtc,
                    TimeZoneId = ev.TimeZoneId,
                    WhenText = EventTime.FormatRange(ev.StartUtc, ev.EndUtc, ev.TimeZoneId),
                    Place = ev.VenueName,
                    EventPath = eventPath,
                    PriorityBookingPath = priorityPath,
                    GeneralBookingOpensUtc = ev.BookingOpensUtc,
                }, now, ev.Id);
                queued++;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return queued;
    }

    /// <summary>
    /// Catches events made from polls that were published without <see cref="OnEventPublishedAsync"/> being called
    /// (e.g. through a page that does not know about polls). Returns the number of messages queued.
    /// </summary>
    public async Task<int> NotifyPublishedEventsAsync(CancellationToken ct = default)
    {
        List<int> eventIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            eventIds = await db.Set<Poll>().AsNoTracking()
                .Where(p => p.EventId != null && p.PublishedNoticeUtc == null && p.PersonalDataDeletedUtc == null
                    && p.Event!.Status == EventStatus.Published)
                .Select(p => p.EventId!.Value)
                .ToListAsync(ct);
        }

        var queued = 0;
        foreach (var eventId in eventIds)
        {
            queued += await OnEventPublishedAsync(eventId, ct);
        }

        return queued;
    }

    /// <summary>
    /// Deletes names, emails, answers and priority tokens of polls whose chosen date (or, for a poll never finalised,
    /// its last date) is more than the retention period ago, keeping each option's counts. Returns the polls cleared.
    /// </summary>
    public async Task<int> DeleteExpiredPersonalDataAsync(CancellationToken ct = default)
    {
        var now = Now;
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
                .Where(v => db.Set<PollVoter>().Any(voter => voter.Id == v.VoterId && voter.PollId == pollId))
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

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Outcome<VoteReceipt>? CheckVote(Poll poll, VoteInput input, DateTime now)
    {
        if (poll.PersonalDataDeletedUtc is not null)
        {
            return Outcome<VoteReceipt>.Refused(PollErrors.PersonalDataDeletedCode, PollErrors.PersonalDataDeletedMessage);
        }

        if (PollRules.VotingRefusal(poll.Status, poll.ClosesUtc, poll.TimeZoneId, now) is { } refusal)
        {
            return Outcome<VoteReceipt>.Refused(refusal.Code, refusal.Message);
        }

        var errors = PollRules.Validate(input, Labels(poll));
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

    private static async Task<Outcome<T>> RefusedNowAsync<T>(EventHubDbContext db, int pollId, DateTime now, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstAsync(p => p.Id == pollId, ct);
        if (PollRules.VotingRefusal(poll.Status, poll.ClosesUtc, poll.TimeZoneId, now) is { } refusal)
        {
            return Outcome<T>.Refused(refusal.Code, refusal.Message);
        }

        return Outcome<T>.Refused(PollErrors.PersonalDataDeletedCode, PollErrors.PersonalDataDeletedMessage);
    }

    /// <summary>The poll's own messages name and address voters: they go with the rest of the personal data.</summary>
    private async Task EraseMessagesAsync(EventHubDbContext db, int pollId, CancellationToken ct)
    {
        var pickup = email?.Value is { UsesPickupFolder: true } options ? options.PickupFolder : null;
        var editTokens = await db.Set<PollVoter>().Where(v => v.PollId == pollId).Select(v => v.EditToken).ToListAsync(ct);
        foreach (var token in editTokens)
        {
            // A vote-recorded message carries the voter's private change-your-answers link, which is unique to them.
            var path = PollRoutes.ChangeAnswers(token);
            await OutboxErasure.EraseAsync(db, db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.VoteRecorded && m.PayloadJson.Contains(path)), pickup, ct);
        }

        var eventId = await db.Set<Poll>().Where(p => p.Id == pollId).Select(p => p.EventId).FirstOrDefaultAsync(ct);
        if (eventId is int id)
        {
            await OutboxErasure.EraseAsync(db, db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.EventPublished && m.EventId == id), pickup, ct);
        }
    }

    private static void EnqueueVoteRecorded(EventHubDbContext db, Poll poll, PollVoter voter, DateTime now) =>
        Outbox.Enqueue(db, PollTemplates.VoteRecorded, voter.Email!, voter.Name, new PollVoteRecordedPayload
        {
            PollTitle = poll.Title,
            VoterName = voter.Name,
            ChangeAnswersPath = PollRoutes.ChangeAnswers(voter.EditToken),
        }, now);

    private static string? NormaliseEmail(string? email)
    {
        var normalised = EmailAddresses.Normalise(email);
        return normalised.Length == 0 ? null : normalised;
    }

    private static List<(int OptionId, string Label)> Labels(Poll poll) =>
        poll.Options.OrderBy(o => o.StartUtc).Select(o => (o.Id, EventTime.FormatRange(o.StartUtc, o.EndUtc, poll.TimeZoneId))).ToList();

    private async Task<PollView> LoadViewAsync(EventHubDbContext db, Poll poll, CancellationToken ct)
    {
        var options = await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == poll.Id)
            .OrderBy(o => o.StartUtc).ThenBy(o => o.Id).ToListAsync(ct);
        var voters = await db.Set<PollVoter>().AsNoTracking().Include(v => v.Answers).Where(v => v.PollId == poll.Id)
            .OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).ToListAsync(ct);
        var results = BuildResults(poll, options, voters);
        var refusal = poll.PersonalDataDeletedUtc is not null
            ? (PollErrors.PersonalDataDeletedCode, PollErrors.PersonalDataDeletedMessage)
            : PollRules.VotingRefusal(poll.Status, poll.ClosesUtc, poll.TimeZoneId, Now);
        return new PollView(poll.Id, poll.Title, MarkdownRenderer.ToSafeHtml(poll.Description), poll.Place, poll.TimeZoneId, poll.ClosesUtc,
            poll.PublicToken, poll.Status, poll.ChosenOptionId, results, refusal?.Item1, refusal?.Item2);
    }

    /// <summary>Builds the results table from the rows (or from the kept counts once personal data is deleted).</summary>
    internal static PollResults BuildResults(Poll poll, IReadOnlyList<PollOption> options, IReadOnlyList<PollVoter> voters)
    {
        var deleted = poll.PersonalDataDeletedUtc is not null;
        var counts = options.Select(o =>
        {
            if (deleted)
            {
                return (Option: o, Yes: o.KeptYesCount, IfNeedBe: o.KeptIfNeedBeCount, No: o.KeptNoCount);
            }

            var answers = voters.SelectMany(v => v.Answers).Where(a => a.OptionId == o.Id).ToList();
            return (Option: o, Yes: answers.Count(a => a.Answer == PollAnswer.Yes), IfNeedBe: answers.Count(a => a.Answer == PollAnswer.IfNeedBe),
                No: answers.Count(a => a.Answer == PollAnswer.No));
        }).ToList();
        var anyAnswers = counts.Any(c => c.Yes + c.IfNeedBe + c.No > 0);
        var mostPopular = anyAnswers ? PollRules.MostPopular(counts.Select(c => new OptionTally(c.Option.Id, c.Option.StartUtc, c.Yes, c.IfNeedBe))) : null;
        var optionResults = counts.Select(c => new OptionResult(c.Option.Id, c.Option.StartUtc, c.Option.EndUtc,
            EventTime.FormatRange(c.Option.StartUtc, c.Option.EndUtc, poll.TimeZoneId), c.Yes, c.IfNeedBe, c.No, c.Option.Id == mostPopular)).ToList();
        var nameCounts = voters.GroupBy(v => PollRules.NameKey(v.Name)).ToDictionary(g => g.Key, g => g.Count());
        var rows = voters.Select(v => new VoterRow(v.Id, v.Name, nameCounts[PollRules.NameKey(v.Name)] > 1,
            v.Answers.ToDictionary(a => a.OptionId, a => a.Answer))).ToList();
        return new PollResults(optionResults, rows, deleted);
    }
}
