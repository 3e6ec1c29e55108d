using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.FollowUps;

/// <summary>
/// Organisers email everyone confirmed (or everyone waiting) for one event. The copies go into the outbox in batches,
/// each batch in its own transaction, with progress reported after each; the message row remembers how far it got.
/// Queuing one message holds its lease ("bulk-email:{id}"), so a page and a resuming node never queue it side by side.
/// </summary>
public sealed class BulkEmailService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, IJobLeases leases)
{
    public const int BatchSize = 200;

    /// <summary>The bookings an audience means: cancelled and declined bookings never belong to one.</summary>
    internal static IQueryable<Bookings.Booking> Recipients(EventHubDbContext db, int eventId, BulkAudience audience)
    {
        var bookings = db.Set<Bookings.Booking>().AsNoTracking().Where(b => b.EventId == eventId);
        return audience switch
        {
            BulkAudience.Confirmed => bookings.Where(b => b.Status == BookingStatus.Confirmed),
            BulkAudience.CheckedIn => bookings.Where(b => b.Status == BookingStatus.Confirmed
                && (db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id) || (b.TicketTypeId != null && b.TicketType!.Attendance == Attendance.Online))),
            _ => bookings.Where(b => b.Status == BookingStatus.Waiting || b.Status == BookingStatus.Offered),
        };
    }

    public async Task<int> CountRecipientsAsync(Actor actor, int eventId, BulkAudience audience, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is not null)
        {
            return 0;
        }

        return await Recipients(db, eventId, audience).CountAsync(ct);
    }

    /// <summary>Checks the input and shows the message as it will be sent: the check-your-answers step.</summary>
    public async Task<Outcome<BulkEmailPreview>> PreviewAsync(Actor actor, int eventId, BulkEmailInput input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<BulkEmailPreview>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FollowUpErrors.EventNotFound) is { } refusal)
        {
            return Outcome<BulkEmailPreview>.Refused(refusal);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<BulkEmailPreview>.Invalid(errors);
        }

        var count = await Recipients(db, eventId, input.Audience).CountAsync(ct);
        var (replyAddress, _) = await ReplyToAsync(db, actor, ct);
        return Outcome<BulkEmailPreview>.Ok(new BulkEmailPreview(
            input.Subject.Trim(), MarkdownRenderer.ToSafeHtml(input.Body), MarkdownRenderer.ToPlainText(input.Body), count, replyAddress));
    }

    /// <summary>
    /// Queues one copy for each recipient, <see cref="BatchSize"/> at a time, and answers the message's id. Cancelled
    /// and declined bookings never get it; replies go to the organiser who sent it.
    /// </summary>
    public async Task<Outcome<int>> SendAsync(Actor actor, int eventId, BulkEmailInput input, IProgress<BulkEmailProgress>? progress = null, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<int>.Forbidden();
        }

        if (await EventAccess.CheckAsync(dbFactory, actor, eventId, Permission.Edit, ct, FollowUpErrors.EventNotFound) is { } refusal)
        {
            return Outcome<int>.Refused(refusal);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        BulkEmail message;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var (replyAddress, replyName) = await ReplyToAsync(db, actor, ct);
            message = new BulkEmail
            {
                EventId = eventId,
                Audience = input.Audience,
                Subject = input.Subject.Trim(),
                BodyMarkdown = input.Body.Trim(),
                ReplyToAddress = replyAddress,
                ReplyToName = replyName,
                SentById = actor.UserId ?? string.Empty,
                SentByName = actor.DisplayName,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Recipients = await Recipients(db, eventId, input.Audience).CountAsync(ct),
            };
            db.Add(message);
            await db.SaveChangesAsync(ct);
        }

        await QueueAsync(message, progress, ct);
        return Outcome<int>.Ok(message.Id);
    }

    /// <summary>Queues the copies of a message already saved (its row counts its recipients), reporting progress.</summary>
    internal async Task QueueAsync(BulkEmail message, IProgress<BulkEmailProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new BulkEmailProgress(0, message.Recipients));
        // Held elsewhere only if a resuming node took it first: it is being queued there.
        await leases.RunAloneAsync(LeaseFor(message.Id), c => QueueRemainingAsync(message.Id, progress, c), clock, ct);
    }

    /// <summary>
    /// Finishes bulk emails that a stopped or dead node left part-queued: the cursor (last booking queued) is saved
    /// with each batch, so nobody gets two copies and nobody is skipped. A message whose lease is held (a live page or
    /// another node is queuing it) is left alone, and so is one younger than a lease, whose page may not have taken its
    /// lease yet. Returns how many were finished here.
    /// </summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken ct = default)
    {
        var createdBefore = clock.GetUtcNow().UtcDateTime - leases.Duration;
        List<int> unfinished;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            unfinished = await db.Set<BulkEmail>().AsNoTracking()
                .Where(m => m.FinishedUtc == null && m.CreatedUtc <= createdBefore)
                .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        }

        var finished = 0;
        foreach (var id in unfinished)
        {
            if (await leases.RunAloneAsync(LeaseFor(id), c => QueueRemainingAsync(id, null, c), clock, ct) == LeasedRun.Finished)
            {
                finished++;
            }
        }

        return finished;
    }

    public static string LeaseFor(int bulkEmailId) => $"bulk-email:{bulkEmailId}";

    private async Task QueueRemainingAsync(int bulkEmailId, IProgress<BulkEmailProgress>? progress, CancellationToken ct)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Set<BulkEmail>().AsNoTracking().FirstAsync(m => m.Id == bulkEmailId, ct);
            if (row.FinishedUtc is not null)
            {
                return;
            }

            var eventId = row.EventId;
            var batch = await Recipients(db, eventId, row.Audience)
                .Where(b => b.Id > row.LastBookingId)
                .OrderBy(b => b.Id)
                .Select(b => new { b.Id, b.Email, b.Name })
                .Take(BatchSize)
                .ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var b in batch)
            {
                Outbox.Enqueue(db, FollowUpTemplates.BulkMessage, b.Email, b.Name,
                    new BulkMessagePayload
                    {
                        BulkEmailId = row.Id, ManageToken = Bookings.ManageLinks.Mint(db, b.Id, FollowUpTemplates.BulkMessage, now), AttendeeName = b.Name,
                    }, now, eventId);
            }

            await db.SaveChangesAsync(ct);
            var queued = row.Queued + batch.Count;
            var recipients = Math.Max(row.Recipients, queued);
            var cursor = batch.Count > 0 ? batch[^1].Id : row.LastBookingId;
            DateTime? finishedUtc = batch.Count < BatchSize ? now : null;
            // The cursor moves only from where this batch started: if anyone else moved it, this batch is theirs.
            var moved = await db.Set<BulkEmail>()
                .Where(m => m.Id == bulkEmailId && m.LastBookingId == row.LastBookingId && m.FinishedUtc == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Queued, queued)
                    .SetProperty(m => m.Recipients, recipients)
                    .SetProperty(m => m.LastBookingId, cursor)
                    .SetProperty(m => m.FinishedUtc, finishedUtc), ct);
            if (moved == 0)
            {
                await tx.RollbackAsync(ct);
                return;
            }

            await tx.CommitAsync(ct);
            progress?.Report(new BulkEmailProgress(queued, recipients));
            if (finishedUtc is not null)
            {
                return;
            }
        }
    }

    public async Task<IReadOnlyList<BulkEmail>> SentAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct) is not null)
        {
            return [];
        }

        return await db.Set<BulkEmail>().AsNoTracking().Where(m => m.EventId == eventId).OrderByDescending(m => m.Id).ToListAsync(ct);
    }

    internal static List<FieldError> Validate(BulkEmailInput input)
    {
        var errors = new List<FieldError>();
        var subject = input.Subject.Trim();
        if (subject.Length == 0)
        {
            errors.Add(new FieldError(nameof(BulkEmailInput.Subject), "Enter a subject"));
        }
        else if (subject.Length > BulkEmail.MaxSubjectLength || subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            errors.Add(new FieldError(nameof(BulkEmailInput.Subject), $"Subject must be one line of {BulkEmail.MaxSubjectLength} characters or fewer"));
        }

        var body = input.Body.Trim();
        if (body.Length == 0)
        {
            errors.Add(new FieldError(nameof(BulkEmailInput.Body), "Enter the message"));
        }
        else if (body.Length > BulkEmail.MaxBodyLength)
        {
            errors.Add(new FieldError(nameof(BulkEmailInput.Body), $"Message must be {BulkEmail.MaxBodyLength:N0} characters or fewer"));
        }

        if (input.Audience is not (BulkAudience.Confirmed or BulkAudience.Waiting))
        {
            errors.Add(new FieldError(nameof(BulkEmailInput.Audience), "Choose who to send it to"));
        }

        return errors;
    }

    /// <summary>Replies go to the organiser who wrote the message (their account's address), not the sending address.</summary>
    internal static async Task<(string Address, string Name)> ReplyToAsync(EventHubDbContext db, Actor actor, CancellationToken ct)
    {
        var organiser = actor.UserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(organiser?.Email)
            ? (string.Empty, string.Empty)
            : (organiser.Email, string.IsNullOrWhiteSpace(organiser.DisplayName) ? actor.DisplayName : organiser.DisplayName);
    }
}
