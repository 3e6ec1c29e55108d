using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.FollowUps;

/// <summary>
/// "Send the follow-up" after the day: thanks, the proceedings link and each person's own feedback link, to everyone
/// checked in or everyone confirmed, once per event, and only once the proceedings are published. It is a bulk email of its own kind, so it is queued in batches
/// with progress and finished by another node if this one stops (<see cref="BulkEmailService"/>).
/// </summary>
public sealed class FollowUpService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BulkEmailService bulk)
{
    /// <summary>The text every copy carries; the template adds the proceedings and feedback links.</summary>
    public static string Body(string eventTitle) =>
        $"Thank you for coming to {eventTitle}. The record of the day is online: the sessions, the notes people took, the slides and the write-ups.\n\n"
        + "We would like to know what you thought, so the next one is better. It takes two minutes, and your answers reach us without your name.";

    public static string Subject(string eventTitle) => $"Thank you for coming to {eventTitle}";

    public async Task<Outcome<FollowUpView>> GetAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FollowUpErrors.EventNotFound) is { } refusal)
        {
            return Outcome<FollowUpView>.Refused(refusal);
        }

        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TimeZoneId }).FirstAsync(ct);
        var sent = await db.Set<BulkEmail>().AsNoTracking().FirstOrDefaultAsync(m => m.EventId == eventId && m.Kind == BulkEmailKind.FollowUp, ct);
        return Outcome<FollowUpView>.Ok(new FollowUpView(
            eventId, Subject(ev.Title),
            Body(ev.Title) + "\n\nRead the proceedings: (the link)\nGive your feedback: (each person's own link)",
            await BulkEmailService.Recipients(db, eventId, BulkAudience.Confirmed).CountAsync(ct),
            await BulkEmailService.Recipients(db, eventId, BulkAudience.CheckedIn).CountAsync(ct),
            await BulkEmailService.Recipients(db, eventId, BulkAudience.Confirmed)
                .CountAsync(BookedPlace.Online, ct),
            sent, sent is null ? null : EventTime.FormatDateTime(sent.CreatedUtc, ev.TimeZoneId)));
    }

    /// <summary>Queues the follow-up for the audience chosen, or refuses when it has gone before or the proceedings are not public yet.</summary>
    public async Task<Outcome<int>> SendAsync(Actor actor, int eventId, BulkAudience audience, IProgress<BulkEmailProgress>? progress = null, CancellationToken ct = default)
    {
        BulkEmail message;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FollowUpErrors.EventNotFound) is { } refusal)
            {
                return Outcome<int>.Refused(refusal);
            }

            if (audience is not (BulkAudience.Confirmed or BulkAudience.CheckedIn))
            {
                return Outcome<int>.Refused(FollowUpErrors.FollowUpAudience, "Audience");
            }

            var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TimeZoneId }).FirstAsync(ct);
            if (await SentRefusalAsync(db, eventId, ev.TimeZoneId, ct) is { } sent)
            {
                return Outcome<int>.Refused(sent);
            }

            if (!await db.Set<ProceedingsSettings>().AnyAsync(p => p.EventId == eventId && p.IsPublished, ct))
            {
                return Outcome<int>.Refused(FollowUpErrors.ProceedingsNotPublished);
            }

            var (replyAddress, replyName) = await BulkEmailService.ReplyToAsync(db, actor, ct);
            message = new BulkEmail
            {
                EventId = eventId,
                Kind = BulkEmailKind.FollowUp,
                Audience = audience,
                Subject = Subject(ev.Title),
                BodyMarkdown = Body(ev.Title),
                ReplyToAddress = replyAddress,
                ReplyToName = replyName,
                SentById = actor.UserId ?? string.Empty,
                SentByName = actor.DisplayName,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Recipients = await BulkEmailService.Recipients(db, eventId, audience).CountAsync(ct),
            };
            db.Add(message);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another organiser pressed the button at the same moment: theirs goes, this one does not.
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                return Outcome<int>.Refused(await SentRefusalAsync(again, eventId, ev.TimeZoneId, ct) ?? FollowUpErrors.FollowUpSent);
            }
        }

        await bulk.QueueAsync(message, progress, ct);
        return Outcome<int>.Ok(message.Id);
    }

    private static async Task<Refusal?> SentRefusalAsync(EventHubDbContext db, int eventId, string timeZoneId, CancellationToken ct)
    {
        var sent = await db.Set<BulkEmail>().AsNoTracking().Where(m => m.EventId == eventId && m.Kind == BulkEmailKind.FollowUp)
            .Select(m => new { m.CreatedUtc, m.SentByName, m.Recipients }).FirstOrDefaultAsync(ct);
        return sent is null ? null : FollowUpErrors.FollowUpSentOn(EventTime.FormatDateTime(sent.CreatedUtc, timeZoneId), sent.SentByName, sent.Recipients);
    }
}
