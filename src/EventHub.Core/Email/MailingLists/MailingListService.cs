using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Email.MailingLists;

public sealed class ListSignUpInput
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public bool Consent { get; set; }
}

public sealed record ListSeries(int Id, string Name, string Slug);

public sealed record ListAnnouncementPreview(int EventId, string EventTitle, string SeriesName, int ConfirmedSubscribers, DateTime? AlreadyAnnouncedUtc);

/// <summary>Payload of the confirmation message ("click to join the list").</summary>
public sealed record ListConfirmPayload(string SeriesName, string SeriesSlug, string ConfirmToken);

/// <summary>Payload of a list message; the subscription is checked again at sending time.</summary>
public sealed record ListAnnouncePayload(int SubscriptionId, string SeriesName, string UnsubscribeToken);

public static class MailingListTemplates
{
    public const string Confirm = "list.confirm";
    public const string Announce = "list.announce";
}

public static class MailingListRoutes
{
    public static string SignUp(string seriesSlug) => $"/series/{seriesSlug}/mailing-list";

    public static string Confirm(string token) => $"/lists/confirm/{token}";

    /// <summary>The page a person reaches from the link in the message body.</summary>
    public static string Unsubscribe(string token) => $"/lists/unsubscribe/{token}";

    /// <summary>The RFC 8058 one-click target: mail clients POST "List-Unsubscribe=One-Click" here.</summary>
    public static string OneClickUnsubscribe(string token) => $"/lists/unsubscribe/{token}/one-click";
}

public static class MailingListRules
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<FieldError> Validate(ListSignUpInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(nameof(input.Name), "Enter your name"));
        }
        else if (input.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(input.Name), $"Name must be {MaxNameLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add(new(nameof(input.Email), "Enter your email address"));
        }
        else if (!EmailAddresses.IsValid(input.Email))
        {
            errors.Add(new(nameof(input.Email), "Enter an email address in the correct format, like name@example.com"));
        }

        if (!input.Consent)
        {
            errors.Add(new(nameof(input.Consent), "Tick the box to agree to get emails about this series"));
        }

        return errors;
    }
}

/// <summary>Stable codes and words for mailing-list refusals.</summary>
public static class MailingListErrors
{
    public const string LinkNotValid = "list_link_not_valid";
    public const string NotInSeries = "list_event_not_in_series";
    public const string NotPublished = "list_event_not_published";
    public const string AlreadyAnnounced = "list_already_announced";

    public const string LinkNotValidText = "This link is not valid. It may have been mistyped or replaced by a newer one.";
    public const string SeriesNotFoundText = "That series does not exist.";
    public const string NotInSeriesText = "This event is not part of a series, so it has no mailing list.";
    public const string NotPublishedText = "Publish the event before announcing it, so the link in the email works.";
    public const string AlreadyAnnouncedText = "This event has already been announced to the list.";
}

/// <summary>Series mailing lists: double opt-in sign-up, confirm, one-click unsubscribe, and announcing an edition.</summary>
public sealed class MailingListService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
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
                return Outcome<ListSeries>.Refused(ErrorCodes.NotFound, MailingListErrors.SeriesNotFoundText);
            }

            var result = new ListSeries(series.Id, series.Name, series.Slug);
            var subscription = await db.Set<ListSubscription>().FirstOrDefaultAsync(s => s.SeriesId == series.Id && s.Email == email, ct);
            if (subscription?.Status == SubscriptionStatus.Confirmed)
            {
                return Outcome<ListSeries>.Ok(result);
            }

            if (subscription is null)
            {
                subscription = new ListSubscription
                {
                    SeriesId = series.Id,
                    Email = email,
                    ConfirmToken = SecureTokens.New(),
                    UnsubscribeToken = SecureTokens.New(),
                    CreatedUtc = now,
                };
                db.Add(subscription);
            }
            else if (subscription.Status == SubscriptionStatus.Unsubscribed)
            {
                // Coming back needs a fresh confirmation; old links stop working.
                subscription.ConfirmToken = SecureTokens.New();
                subscription.UnsubscribeToken = SecureTokens.New();
            }

            subscription.Name = name;
            subscription.Status = SubscriptionStatus.Pending;
            subscription.ConsentUtc = now;
            subscription.UnsubscribedUtc = null;
            Outbox.Enqueue(db, MailingListTemplates.Confirm, email, name, new ListConfirmPayload(series.Name, series.Slug, subscription.ConfirmToken), now);
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
            .FirstOrDefaultAsync(s => s.ConfirmToken == token, ct);
        if (subscription is null || subscription.Status == SubscriptionStatus.Unsubscribed)
        {
            return Outcome<ListSeries>.Refused(MailingListErrors.LinkNotValid, MailingListErrors.LinkNotValidText);
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
            .FirstOrDefaultAsync(s => s.UnsubscribeToken == token, ct);
        if (subscription is null)
        {
            return Outcome<ListSeries>.Refused(MailingListErrors.LinkNotValid, MailingListErrors.LinkNotValidText);
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
        return await db.Set<ListSubscription>().AsNoTracking().Where(s => s.UnsubscribeToken == token)
            .Select(s => new ListSeries(s.SeriesId, s.Series!.Name, s.Series.Slug)).FirstOrDefaultAsync(ct);
    }

    public async Task<ListAnnouncementPreview?> PreviewAnnouncementAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evt = await db.Events.AsNoTracking().Include(e => e.Series).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (evt is null)
        {
            return null;
        }

        var count = evt.SeriesId is null ? 0 : await db.Set<ListSubscription>()
            .CountAsync(s => s.SeriesId == evt.SeriesId && s.Status == SubscriptionStatus.Confirmed, ct);
        var announced = await db.Set<ListAnnouncement>().Where(a => a.EventId == eventId).Select(a => (DateTime?)a.AnnouncedUtc).FirstOrDefaultAsync(ct);
        return new ListAnnouncementPreview(evt.Id, evt.Title, evt.Series?.Name ?? string.Empty, count, announced);
    }

    /// <summary>Queues one announcement per confirmed subscriber of the event's series, in one transaction.</summary>
    public async Task<Outcome<int>> AnnounceAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<int>.Refused(ErrorCodes.Forbidden, EmailErrors.SignInText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evt = await db.Events.AsNoTracking().Include(e => e.Series).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (evt is null)
        {
            return Outcome<int>.Refused(ErrorCodes.NotFound, "That event no longer exists.");
        }

        if (evt.Series is null)
        {
            return Outcome<int>.Refused(MailingListErrors.NotInSeries, MailingListErrors.NotInSeriesText);
        }

        if (evt.Status != EventStatus.Published)
        {
            return Outcome<int>.Refused(MailingListErrors.NotPublished, MailingListErrors.NotPublishedText);
        }

        if (await db.Set<ListAnnouncement>().AnyAsync(a => a.EventId == eventId, ct))
        {
            return Outcome<int>.Refused(MailingListErrors.AlreadyAnnounced, MailingListErrors.AlreadyAnnouncedText);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subscribers = await db.Set<ListSubscription>().AsNoTracking()
            .Where(s => s.SeriesId == evt.SeriesId && s.Status == SubscriptionStatus.Confirmed)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Email, s.Name, s.UnsubscribeToken })
            .ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(new ListAnnouncement { EventId = eventId, AnnouncedUtc = now, Recipients = subscribers.Count, AnnouncedBy = actor.DisplayName });
        foreach (var s in subscribers)
        {
            Outbox.Enqueue(db, MailingListTemplates.Announce, s.Email, s.Name, new ListAnnouncePayload(s.Id, evt.Series.Name, s.UnsubscribeToken), now, eventId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<int>.Refused(MailingListErrors.AlreadyAnnounced, MailingListErrors.AlreadyAnnouncedText);
        }

        return Outcome<int>.Ok(subscribers.Count);
    }
}
