using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Polls;

/// <summary>
/// The organiser picks a poll's date, which becomes a draft event; once that event is published, the voters hear of
/// it and those who could come get a priority booking link.
/// </summary>
public sealed class PollFinalisingService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, EventService events)
{
    /// <summary>
    /// The organiser picks an option; EventHub creates a draft event with the poll's title, description, place,
    /// the chosen times and the poll's series, and links the poll to it.
    /// </summary>
    public async Task<Outcome<FinaliseReceipt>> FinaliseAsync(Actor actor, FinaliseRequest request, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<FinaliseReceipt>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.Set<Poll>().AsNoTracking().Include(p => p.Options).FirstOrDefaultAsync(p => p.Id == request.PollId, ct);
        if (poll is null)
        {
            return Outcome<FinaliseReceipt>.NotFound(PollErrors.NotFound);
        }

        if (await PollAccess.CheckAsync(db, actor, poll, Permission.Edit, ct) is { } refusal)
        {
            return Outcome<FinaliseReceipt>.Refused(refusal);
        }

        if (poll.Status == PollStatus.Finalised)
        {
            return Outcome<FinaliseReceipt>.Refused(PollErrors.AlreadyFinalised);
        }

        var option = poll.Options.FirstOrDefault(o => o.Id == request.OptionId);
        if (option is null)
        {
            return Outcome<FinaliseReceipt>.Invalid(nameof(FinaliseRequest.OptionId), PollErrors.OptionNotFound.Message);
        }

        var counted = db.Set<PollVoter>().Counted().Select(v => v.Id);
        var capacity = request.Capacity ?? Math.Max(1, await db.Set<PollVote>()
            .CountAsync(v => v.OptionId == option.Id && (v.Answer == PollAnswer.Yes || v.Answer == PollAnswer.IfNeedBe) && counted.Contains(v.VoterId), ct));

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
            return created.Errors.Any(e => e.Field == nameof(EventInput.Capacity))
                ? Outcome<FinaliseReceipt>.Invalid(nameof(FinaliseRequest.Capacity), created.Message!)
                : Outcome<FinaliseReceipt>.Refused(PollErrors.DraftEventNotCreated(created.Message));
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
            return Outcome<FinaliseReceipt>.Refused(PollErrors.AlreadyFinalised);
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

        var voters = await db.Set<PollVoter>().AsNoTracking().Counted().Include(v => v.Answers)
            .Where(v => v.PollId == poll.Id).OrderBy(v => v.Id).ToListAsync(ct);
        var eventPath = $"/events/{ev.Slug}";
        var queued = 0;
        foreach (var voter in voters)
        {
            string? priorityPath = null;
            var answer = voter.Answers.FirstOrDefault(a => a.OptionId == chosenId)?.Answer;
            if (answer is PollAnswer.Yes or PollAnswer.IfNeedBe)
            {
                var token = SecureTokens.New();
                db.Set<PollPriorityToken>().Add(new PollPriorityToken
                {
                    PollId = poll.Id, EventId = ev.Id, VoterId = voter.Id, TokenHash = SecureTokens.Hash(token), CreatedUtc = now,
                });
                priorityPath = PollRoutes.PriorityBooking(ev.Slug, token);
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

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
