using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>Write-ups: participants post them, organisers moderate them, the public session page shows them.</summary>
public sealed class WriteUpService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// A participant posts a write-up (a short text, a link, or both). It shows at once when the organisers trust
    /// contributors for this event, otherwise after approval. Internal: public callers go through the slug overload,
    /// which checks the session belongs to a public event.
    /// </summary>
    internal async Task<Outcome<WriteUpView>> SubmitWriteUpAsync(int sessionId, WriteUpInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.AuthorName))
        {
            errors.Add(new(nameof(WriteUpInput.AuthorName), ProceedingsErrors.WriteUpName.Message));
        }
        else if (input.AuthorName.Trim().Length > ProceedingsRules.MaxAuthorNameLength)
        {
            errors.Add(new(nameof(WriteUpInput.AuthorName), ProceedingsErrors.TooLong("Your name", ProceedingsRules.MaxAuthorNameLength).Message));
        }

        var hasText = !string.IsNullOrWhiteSpace(input.Text);
        var hasUrl = !string.IsNullOrWhiteSpace(input.Url);
        if (!hasText && !hasUrl)
        {
            errors.Add(new(nameof(WriteUpInput.Text), ProceedingsErrors.WriteUpEmpty.Message));
        }

        if (hasText && input.Text!.Trim().Length > ProceedingsRules.MaxWriteUpLength)
        {
            errors.Add(new(nameof(WriteUpInput.Text), ProceedingsErrors.TooLong("Write-up", ProceedingsRules.MaxWriteUpLength).Message));
        }

        if (hasUrl && !ProceedingsRules.IsSafeLink(input.Url))
        {
            errors.Add(new(nameof(WriteUpInput.Url), ProceedingsErrors.LinkUrl.Message));
        }

        if (errors.Count > 0)
        {
            return Outcome<WriteUpView>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Outcome<WriteUpView>.NotFound(ProceedingsErrors.SessionNotFound);
        }

        var trusted = await db.Set<ProceedingsSettings>().Where(s => s.EventId == session.EventId).Select(s => s.TrustContributors).FirstOrDefaultAsync(ct);
        var writeUp = new WriteUp
        {
            EventId = session.EventId,
            SessionId = sessionId,
            AuthorName = input.AuthorName!.Trim(),
            Text = (input.Text ?? string.Empty).Trim(),
            Url = (input.Url ?? string.Empty).Trim(),
            Status = trusted ? WriteUpStatus.Approved : WriteUpStatus.Pending,
            CreditByName = input.CreditByName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        // The author's own link, from which they can withdraw their name later; only its hash is kept.
        var link = SecureTokens.New();
        writeUp.LinkHash = SecureTokens.Hash(link);
        db.Add(writeUp);
        await db.SaveChangesAsync(ct);
        return Outcome<WriteUpView>.Ok(View(writeUp, session.Title) with { Link = link });
    }

    /// <summary>
    /// The public page of one session of a public event: what it was about and its approved write-ups. Null when
    /// the event is not public or the session is not one of its sessions.
    /// </summary>
    public async Task<PublicSessionPage?> GetSessionPageAsync(string eventSlug, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == eventSlug, ct);
        if (ev is null || !ev.IsPublic)
        {
            return null;
        }

        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == ev.Id, ct);
        if (session is null)
        {
            return null;
        }

        var room = session.RoomId is { } rid ? await db.Rooms.Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        var writeUps = await db.Set<WriteUp>().AsNoTracking().Where(w => w.SessionId == sessionId && w.Status == WriteUpStatus.Approved)
            .OrderBy(w => w.CreatedUtc).ThenBy(w => w.Id).ToListAsync(ct);
        return new PublicSessionPage(ev.Slug, ev.Title, ev.TimeZoneId, session.Id, session.Title, MarkdownRenderer.ToSafeHtml(session.Description),
            room, session.StartUtc, session.EndUtc, [.. writeUps.Select(w => View(w, session.Title))]);
    }

    /// <summary>A write-up posted from the public session page: the session must belong to that public event.</summary>
    public async Task<Outcome<WriteUpView>> SubmitWriteUpAsync(string eventSlug, int sessionId, WriteUpInput input, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var belongs = await db.Sessions.AnyAsync(s => s.Id == sessionId && s.Event!.Slug == eventSlug
                && (s.Event.Status == EventStatus.Published || s.Event.Status == EventStatus.Completed), ct);
            if (!belongs)
            {
                return Outcome<WriteUpView>.NotFound(ProceedingsErrors.SessionNotFound);
            }
        }

        return await SubmitWriteUpAsync(sessionId, input, ct);
    }

    public async Task<IReadOnlyList<WriteUpView>> PendingWriteUpsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ProceedingsAccess.MayAsync(db, actor, eventId, ct))
        {
            return [];
        }

        var rows = await db.Set<WriteUp>().AsNoTracking().Where(w => w.EventId == eventId && w.Status == WriteUpStatus.Pending)
            .Join(db.Sessions, w => w.SessionId, s => s.Id, (w, s) => new { w, s.Title })
            .OrderBy(x => x.w.CreatedUtc).ToListAsync(ct);
        return [.. rows.Select(x => View(x.w, x.Title))];
    }

    public async Task<Outcome<WriteUpStatus>> ModerateWriteUpAsync(Actor actor, int writeUpId, bool approve, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<WriteUpStatus>.Forbidden(ProceedingsErrors.OrganisersOnlyModerate);
        }

        var status = approve ? WriteUpStatus.Approved : WriteUpStatus.Rejected;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Set<WriteUp>().Where(w => w.Id == writeUpId).Select(w => (int?)w.EventId).FirstOrDefaultAsync(ct);
        if (await ProceedingsAccess.CheckRowAsync(db, actor, eventId, ProceedingsErrors.WriteUpNotFound, ct) is { } refusal)
        {
            return Outcome<WriteUpStatus>.Refused(refusal);
        }

        db.PublishOnCommit(eventId!.Value, LiveTopics.Public);
        var count = await db.Set<WriteUp>().Where(w => w.Id == writeUpId).ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, status), ct);
        return count == 1 ? Outcome<WriteUpStatus>.Ok(status) : Outcome<WriteUpStatus>.NotFound(ProceedingsErrors.WriteUpNotFound);
    }

    public async Task<Outcome<bool>> SetTrustContributorsAsync(Actor actor, int eventId, bool trusted, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlySettings);
        }

        return await ProceedingsAccess.UpdateSettingsAsync(dbFactory, actor, eventId, s => s.TrustContributors = trusted, trusted, ct);
    }

    internal static WriteUpView View(WriteUp w, string sessionTitle) =>
        new(w.Id, w.SessionId, sessionTitle, w.AuthorName, MarkdownRenderer.ToSafeHtml(w.Text), w.Text, w.Url, w.Status, w.CreatedUtc);
}
