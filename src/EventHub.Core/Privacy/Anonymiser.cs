using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Feedback;
using EventHub.Core.MailingLists;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

/// <summary>
/// Keeps the retention promise: when an event's needs period ends its access and dietary needs are cleared; when its
/// personal-data period ends every event-bound detail about a person is anonymised (bookings and waiting lists,
/// answers, check-in and door names, interest marks, write-up authors and conveners not credited by name (<see cref="UncreditedNames"/>), priority grants, its mail and the .eml copies,
/// names in its audit entries, what feedback said, addresses and phone numbers typed into its free text (<see cref="FreeTextScrub"/>)). The counts by ticket type and status, attendance and the email domain stay.
/// Series mailing lists are not event data: they keep their own subscribers.
/// </summary>
public sealed class Anonymiser(
    IDbContextFactory<EventHubDbContext> dbFactory,
    DbDialect dialect,
    TimeProvider clock,
    IOptions<PrivacyOptions> site,
    IOptions<EmailOptions>? email = null)
{
    public const string UncreditedAuthor = Credit.Participant;

    /// <summary>Clears what is due for every event that ended. Idempotent: a second run finds nothing to do.</summary>
    public async Task<RetentionSweepResult> SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(int EventId, bool Anonymise, bool ClearNeeds)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ended = await db.Events.AsNoTracking().Where(e => e.EndUtc <= now)
                .Select(e => new
                {
                    e.Id, e.SeriesId, e.EndUtc, e.TimeZoneId,
                    State = db.Set<EventPrivacyState>().FirstOrDefault(s => s.EventId == e.Id),
                })
                .Where(e => e.State == null || e.State.AnonymisedUtc == null)
                .ToListAsync(ct);
            var settings = await db.Set<RetentionSetting>().AsNoTracking().ToListAsync(ct);
            var siteDefaults = await RetentionService.SiteDefaultsAsync(db, site.Value, ct);
            due = [];
            foreach (var e in ended)
            {
                var policy = RetentionRules.Resolve(
                    settings.FirstOrDefault(s => s.EventId == e.Id),
                    e.SeriesId is null ? null : settings.FirstOrDefault(s => s.SeriesId == e.SeriesId),
                    siteDefaults);
                var anonymise = RetentionRules.IsDue(RetentionRules.PersonalDataDueUtc(e.EndUtc, e.TimeZoneId, policy.PersonalDataMonths), now);
                var needs = e.State?.NeedsClearedUtc is null
                    && RetentionRules.IsDue(RetentionRules.NeedsDueUtc(e.EndUtc, e.TimeZoneId, policy.NeedsDays), now);
                if (anonymise || needs)
                {
                    due.Add((e.Id, anonymise, needs));
                }
            }
        }

        var anonymised = 0;
        var needsCleared = 0;
        foreach (var (eventId, anonymise, clearNeeds) in due)
        {
            if (anonymise)
            {
                await AnonymiseEventAsync(eventId, now, ct);
                anonymised++;
            }
            else if (clearNeeds)
            {
                await ClearNeedsAsync(eventId, now, ct);
                needsCleared++;
            }
        }

        if (due.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await dialect.PurgeFreedSpaceAsync(db, ct);
        }

        return new RetentionSweepResult(anonymised, needsCleared);
    }

    private async Task ClearNeedsAsync(int eventId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonalDataScrub.ClearNeedsAsync(db.Set<Booking>().Where(b => b.EventId == eventId), ct);
        var state = await StateAsync(db, eventId, ct);
        state.NeedsClearedUtc = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task AnonymiseEventAsync(int eventId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonalDataScrub.KeepRepeatAttendanceAsync(db, eventId, ct);
        var traces = await PersonalDataScrub.AnonymiseBookingsAsync(db, db.Set<Booking>().Where(b => b.EventId == eventId), now, ct);

        await db.Set<CheckInRecord>().Where(c => c.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInBy, ""), ct);
        await db.Set<CheckInUndo>().Where(u => u.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CheckedInBy, "").SetProperty(u => u.UndoneBy, ""), ct);
        await db.Set<CheckInConflict>().Where(c => c.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.KeptBy, "").SetProperty(c => c.OtherBy, ""), ct);

        var sessions = db.Sessions.Where(s => s.EventId == eventId).Select(s => s.Id);
        await db.Set<InterestMark>().Where(i => sessions.Contains(i.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, PersonalDataScrub.AnonymisedName)
                .SetProperty(i => i.Email, i => "anonymised-" + i.Id.ToString()), ct);
        await db.Set<Proposal>().Where(p => p.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProposedBy, "").SetProperty(p => p.ConvenerEmail, (string?)null), ct);
        await db.Set<SessionHistoryEntry>().Where(h => sessions.Contains(h.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ByName, ""), ct);
        await UncreditedNames.AnonymiseAsync(db, eventId, ct);
        await db.Set<Material>().Where(m => m.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AddedBy, ""), ct);
        await db.Set<SessionNotes>().Where(n => sessions.Contains(n.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastSavedBy, ""), ct);
        // Addresses and phone numbers typed into the record's free text go; the rest of the text stays.
        await FreeTextScrub.RedactEventAsync(db, eventId, ct);
        // Notes links stop with the personal data: the record is kept, but nobody edits it through a link any more.
        await NotesLinks.RevokeAsync(db, sessions, ct);

        // Feedback keeps its score for the figures; what people wrote goes with the rest of their words.
        await db.Set<FeedbackResponse>().Where(r => r.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.WhatWorked, "").SetProperty(r => r.WhatToChange, ""), ct);
        await db.Set<FeedbackAnswer>().Where(a => a.Response!.EventId == eventId && a.Text != "")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, ""), ct);
        await db.Set<PriorityGrant>().Where(g => g.EventId == eventId).ExecuteDeleteAsync(ct);
        await db.Set<PollPriorityToken>().Where(t => t.EventId == eventId).ExecuteDeleteAsync(ct);
        await PersonalDataScrub.EraseMailAsync(db, db.Set<OutboxMessage>().Where(m => m.EventId == eventId), PickupFolder, ct);
        await PersonalDataScrub.ScrubAuditAsync(db, [eventId], traces, ct);

        var state = await StateAsync(db, eventId, ct);
        state.NeedsClearedUtc ??= now;
        state.AnonymisedUtc = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private string? PickupFolder => email?.Value is { UsesPickupFolder: true } options ? options.PickupFolder : null;

    private static async Task<EventPrivacyState> StateAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var state = await db.Set<EventPrivacyState>().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        if (state is null)
        {
            state = new EventPrivacyState { EventId = eventId };
            db.Add(state);
        }

        return state;
    }
}
