using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists;

/// <summary>Series mailing lists: double opt-in sign-up, confirm, one-click unsubscribe, and announcing an edition.</summary>
public sealed class MailingListService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, UnrequestedMail? unrequested = null)
{
    private readonly UnrequestedMail _unrequested = unrequested ?? UnrequestedMail.Default;

    public async Task<ListSeries?> FindSeriesAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Series.AsNoTracking().Where(s => s.Slug == slug).Select(s => new ListSeries(s.Id, s.Name, s.Slug)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Records the sign-up as pending and queues the confirmation message in the same transaction. The answer is the
    /// same whether or not the address was already on the list, so the form does not reveal who is subscribed.
    /// </summary>
    public async Task<Outcome<ListSeries>> SignUpAsync(string seriesSlug, ListSignUpInput input, CancellationToken ct = default)
    {
        var errors = MailingListRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<ListSeries>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var email = EmailAddresses.Normalise(input.Email);
        var name = input.Name.Trim();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == seriesSlug, ct);
            if (series is null)
            {
                return Outcome<ListSeries>.NotFound(MailingListErrors.SeriesNotFound);
            }

            var result = new ListSeries(series.Id, series.Name, series.Slug);
            var subscription = await db.Set<ListSubscription>().FirstOrDefaultAsync(s => s.SeriesId == series.Id && s.Email == email, ct);
            if (subscription?.Status == SubscriptionStatus.Confirmed)
            {
                return Outcome<ListSeries>.Ok(result);
            }

            if (subscription is null)
            {
                subscription = new ListSubscription { SeriesId = series.Id, Email = email, CreatedUtc = now };
                db.Add(subscription);
            }
            else if (subscription.Status == SubscriptionStatus.Unsubscribed)
            {
                // Coming back needs a fresh confirmation; old links stop working.
                await ListLinks.RevokeAsync(db, subscription.Id, ct);
            }

            subscription.Name = name;
            subscription.Status = SubscriptionStatus.Pending;
            subscription.ConsentUtc = now;
            subscription.UnsubscribedUtc = null;
            // Anyone can type any address here: the confirmation counts towards that address's unrequested mail.
            // Each confirmation mail carries a link of its own; only its hash is kept.
            var confirmToken = ListLinks.Mint(db, subscription, ListLinks.Confirm, now);
            await _unrequested.TryEnqueueAsync(db, MailingListTemplates.Confirm, email, new ListConfirmPayload(series.Name, series.Slug, confirmToken), now, eventId: null, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<ListSeries>.Ok(result);
            }
            catch (DbUpdateException ex) when (attempt < 2 && DbErrors.IsUniqueViolation(ex))
            {
                // The same address signed up twice at once: go round again and treat it as the existing row.
            }
        }
    }

    public async Task<Outcome<ListSeries>> ConfirmAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await db.Set<ListSubscription>().Include(s => s.Series)
            .WithLink(db, token, ListLinks.Confirm).FirstOrDefaultAsync(ct);
        if (subscription is null || subscription.Status == SubscriptionStatus.Unsubscribed)
        {
            return Outcome<ListSeries>.Refused(MailingListErrors.LinkNotValid);
        }

        if (subscription.Status == SubscriptionStatus.Pending)
        {
            subscription.Status = SubscriptionStatus.Confirmed;
            subscription.ConfirmedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return Outcome<ListSeries>.Ok(new ListSeries(subscription.SeriesId, subscription.Series!.Name, subscription.Series.Slug));
    }

    /// <summary>Takes the address off the list. Safe to repeat; needs only the token from the message.</summary>
    public async Task<Outcome<ListSeries>> UnsubscribeAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await db.Set<ListSubscription>().Include(s => s.Series)
            .WithLink(db, token, ListLinks.Unsubscribe).FirstOrDefaultAsync(ct);
        if (subscription is null)
        {
            return Outcome<ListSeries>.Refused(MailingListErrors.LinkNotValid);
        }

        if (subscription.Status != SubscriptionStatus.Unsubscribed)
        {
            subscription.Status = SubscriptionStatus.Unsubscribed;
            subscription.UnsubscribedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return Outcome<ListSeries>.Ok(new ListSeries(subscription.SeriesId, subscription.Series!.Name, subscription.Series.Slug));
    }

    public async Task<ListSeries?> FindByUnsubscribeTokenAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ListSubscription>().AsNoTracking().WithLink(db, token, ListLinks.Unsubscribe)
            .Select(s => new ListSeries(s.SeriesId, s.Series!.Name, s.Series.Slug)).FirstOrDefaultAsync(ct);
    }

    public async Task<ListAnnouncementPreview?> PreviewAnnouncementAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is not null)
        {
            return null;
        }

        var evt = await db.Events.AsNoTracking().Include(e => e.Series).FirstAsync(e => e.Id == eventId, ct);

        var count = evt.SeriesId is null ? 0 : await db.Set<ListSubscription>()
            .CountAsync(s => s.SeriesId == evt.SeriesId && s.Status == SubscriptionStatus.Confirmed, ct);
        var announced = await db.Set<ListAnnouncement>().Where(a => a.EventId == eventId).Select(a => (DateTime?)a.AnnouncedUtc).FirstOrDefaultAsync(ct);
        var previous = await PreviousEditionAsync(db, evt, ct);
        var waiters = previous is null ? 0 : (await PreviousWaitersAsync(db, evt, previous.Id, ct)).Count;
        var priorityOpens = await db.Set<BookingSettings>().Where(s => s.EventId == eventId).Select(s => s.PriorityOpensUtc).FirstOrDefaultAsync(ct);
        return new ListAnnouncementPreview(evt.Id, evt.Title, evt.Series?.Name ?? string.Empty, count, announced,
            waiters, previous?.Title, evt.BookingOpensUtc, priorityOpens, evt.TimeZoneId, PriorityPossible(evt, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Queues one announcement per confirmed subscriber of the event's series, in one transaction.</summary>
    public async Task<Outcome<int>> AnnounceAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        var outcome = await AnnounceAsync(actor, eventId, givePriority: false, ct);
        return outcome.Succeeded ? Outcome<int>.Ok(outcome.Value!.Total) : outcome.As<int>();
    }

    /// <summary>
    /// Queues one announcement per confirmed subscriber of the event's series, in one transaction. With
    /// <paramref name="givePriority"/>, each subscriber's message carries their own priority booking link, and people
    /// left on the waiting list of the series' previous edition (who are not on the list and did not leave it) get an
    /// invite with a link of their own.
    /// </summary>
    public async Task<Outcome<ListAnnounceResult>> AnnounceAsync(Actor actor, int eventId, bool givePriority, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<ListAnnounceResult>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, MailingListErrors.EventNotFound) is { } refusal)
        {
            return Outcome<ListAnnounceResult>.Refused(refusal);
        }

        var evt = await db.Events.AsNoTracking().Include(e => e.Series).FirstAsync(e => e.Id == eventId, ct);

        if (evt.Series is null)
        {
            return Outcome<ListAnnounceResult>.Refused(MailingListErrors.NotInSeries);
        }

        if (evt.Status != EventStatus.Published)
        {
            return Outcome<ListAnnounceResult>.Refused(MailingListErrors.NotPublished);
        }

        if (await db.Set<ListAnnouncement>().AnyAsync(a => a.EventId == eventId, ct))
        {
            return Outcome<ListAnnounceResult>.Refused(MailingListErrors.AlreadyAnnounced);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (givePriority && !PriorityPossible(evt, now))
        {
            return Outcome<ListAnnounceResult>.Refused(MailingListErrors.PriorityPointless);
        }

        var subscribers = await db.Set<ListSubscription>().AsNoTracking()
            .Where(s => s.SeriesId == evt.SeriesId && s.Status == SubscriptionStatus.Confirmed)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Email, s.Name })
            .ToListAsync(ct);
        var priorityOpens = givePriority
            ? await db.Set<BookingSettings>().Where(s => s.EventId == eventId).Select(s => s.PriorityOpensUtc).FirstOrDefaultAsync(ct)
            : null;
        var previous = givePriority ? await PreviousEditionAsync(db, evt, ct) : null;
        var waiters = previous is null ? [] : await PreviousWaitersAsync(db, evt, previous.Id, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(new ListAnnouncement { EventId = eventId, AnnouncedUtc = now, Recipients = subscribers.Count + waiters.Count, AnnouncedBy = actor.DisplayName });
        foreach (var s in subscribers)
        {
            var token = givePriority ? Grant(db, eventId, s.Email, PriorityGrantReason.Subscriber, s.Id, now) : null;
            var unsubscribe = ListLinks.Mint(db, s.Id, ListLinks.Unsubscribe, now);
            Outbox.Enqueue(db, MailingListTemplates.Announce, s.Email, s.Name,
                new ListAnnouncePayload(s.Id, evt.Series.Name, unsubscribe, token, token is null ? null : priorityOpens, token is null ? null : evt.BookingOpensUtc),
                now, eventId);
        }

        foreach (var w in waiters)
        {
            var token = Grant(db, eventId, w.Email, PriorityGrantReason.PreviousWaiter, null, now);
            Outbox.Enqueue(db, MailingListTemplates.PriorityInvite, w.Email, w.Name,
                new ListPriorityInvitePayload(evt.Series.Name, evt.Series.Slug, previous!.Title, token, priorityOpens, evt.BookingOpensUtc!.Value), now, eventId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<ListAnnounceResult>.Refused(MailingListErrors.AlreadyAnnounced);
        }

        return Outcome<ListAnnounceResult>.Ok(new ListAnnounceResult(subscribers.Count, waiters.Count, givePriority));
    }

    /// <summary>A priority window means something only while booking is not yet open to everyone.</summary>
    private static bool PriorityPossible(Event evt, DateTime now) =>
        evt.Status == EventStatus.Published && evt.BookingOpensUtc is { } opens && now < opens && now < evt.StartUtc;

    /// <summary>Stores the hash of a new token for this person and edition, and returns the token for the email.</summary>
    private static string Grant(EventHubDbContext db, int eventId, string email, PriorityGrantReason reason, int? subscriptionId, DateTime now)
    {
        var token = SecureTokens.New();
        db.Add(new PriorityGrant
        {
            EventId = eventId,
            TokenHash = PriorityGrant.HashOf(token),
            Email = EmailAddresses.Normalise(email),
            Reason = reason,
            SubscriptionId = subscriptionId,
            CreatedUtc = now,
        });
        return token;
    }

    /// <summary>The series' edition that started most recently before this one.</summary>
    private static Task<Event?> PreviousEditionAsync(EventHubDbContext db, Event evt, CancellationToken ct) =>
        evt.SeriesId is null
            ? Task.FromResult<Event?>(null)
            : db.Events.AsNoTracking()
                .Where(e => e.SeriesId == evt.SeriesId && e.Id != evt.Id && e.StartUtc < evt.StartUtc && e.Status != EventStatus.Draft)
                .OrderByDescending(e => e.StartUtc).ThenByDescending(e => e.Id)
                .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Who was still waiting at the previous edition, less anyone on the list (their announcement carries the link)
    /// and anyone who left the list (they asked for no more mail about the series).
    /// </summary>
    private static async Task<List<(string Email, string Name)>> PreviousWaitersAsync(EventHubDbContext db, Event evt, int previousId, CancellationToken ct)
    {
        var onOrLeftList = db.Set<ListSubscription>()
            .Where(s => s.SeriesId == evt.SeriesId && (s.Status == SubscriptionStatus.Confirmed || s.Status == SubscriptionStatus.Unsubscribed))
            .Select(s => s.Email);
        var rows = await db.Set<Bookings.Booking>().AsNoTracking()
            .Where(b => b.EventId == previousId && b.Status == BookingStatus.Waiting && !onOrLeftList.Contains(b.NormalisedEmail))
            .OrderBy(b => b.WaitlistRank).ThenBy(b => b.Id)
            .Select(b => new { b.Email, b.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Email, r.Name)).ToList();
    }
}
