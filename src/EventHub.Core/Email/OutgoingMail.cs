using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Email;

/// <summary>
/// The organisers' view of the outbox: what is waiting, sent or failed, and retrying a failed message. A message
/// holds an attendee's manage link, so each organiser sees only the mail of events whose mail they may read;
/// mail that belongs to no event (mailing lists) only administrators see.
/// </summary>
public sealed class OutgoingMail(
    IDbContextFactory<EventHubDbContext> dbFactory, IOptions<EmailOptions> options, TimeProvider clock, IOutgoingMailAccess access)
{
    private readonly EmailOptions _options = options.Value;

    public bool UsesPickupFolder => _options.UsesPickupFolder;

    public string PickupFolder => _options.PickupFolder;

    public async Task<PagedResult<OutgoingMailRow>> ListAsync(Actor actor, OutboxStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        var (skip, take) = Paging.Window(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await VisibleAsync(db, actor, ct);
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.Id).Skip(skip).Take(take).ToListAsync(ct);
        var items = rows.Select(m => new OutgoingMailRow(
            m.Id, m.Template, m.ToEmail, m.ToName, m.Subject, m.Status, m.Attempts, m.CreatedUtc, m.NextAttemptUtc, m.SentUtc, m.LastError,
            _options.UsesPickupFolder && m.Status == OutboxStatus.Sent && File.Exists(PickupPath(m.Id, m.MessageId)))).ToList();
        return new PagedResult<OutgoingMailRow>(items, total, Math.Max(0, page), take);
    }

    public async Task<OutgoingMailCounts> CountAsync(Actor actor, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await (await VisibleAsync(db, actor, ct)).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new OutgoingMailCounts(Of(OutboxStatus.Queued), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed), Of(OutboxStatus.Suppressed));
    }

    /// <summary>Puts a failed message back in the queue to be sent straight away.</summary>
    public async Task<Outcome<bool>> RetryAsync(Actor actor, long id, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await VisibleAsync(db, actor, ct);
        var changed = await visible
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.NextAttemptUtc, now)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.ClaimToken, (string?)null), ct);
        if (changed == 1)
        {
            return Outcome<bool>.Ok(true);
        }

        return await visible.AnyAsync(m => m.Id == id, ct)
            ? Outcome<bool>.Refused(EmailErrors.NotFailed)
            : Outcome<bool>.NotFound(EmailErrors.MessageNotFound);
    }

    /// <summary>The raw .eml written to the pickup folder for a message, or null when there is none.</summary>
    public async Task<string?> ReadPickupAsync(Actor actor, long id, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await (await VisibleAsync(db, actor, ct)).Where(m => m.Id == id).Select(m => new { m.MessageId, m.Template, m.EventId }).FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }

        var path = PickupPath(id, message.MessageId);
        if (!File.Exists(path))
        {
            return null;
        }

        // Mail to attendees carries their private links: reading it is recorded (which message, never the address).
        Organisers.Security.SecurityAudit.Add(db, Organisers.Security.SecurityAction.MailWithLinksRead, actor,
            $"Read outgoing message {id} ({message.Template})", clock.GetUtcNow().UtcDateTime, message.EventId);
        await db.SaveChangesAsync(ct);
        return await File.ReadAllTextAsync(path, ct);
    }

    public async Task<OutgoingMailPreview?> PreviewAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var raw = await ReadPickupAsync(actor, id, ct);
        if (raw is null)
        {
            return null;
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        var mime = await MimeKit.MimeMessage.LoadAsync(stream, ct);
        return new OutgoingMailPreview(
            id,
            mime.Subject ?? string.Empty,
            mime.From.ToString(),
            mime.To.ToString(),
            mime.ReplyTo.Count == 0 ? null : mime.ReplyTo.ToString(),
            mime.TextBody ?? string.Empty,
            mime.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.MimeType).ToList(),
            raw);
    }

    private async Task<IQueryable<OutboxMessage>> VisibleAsync(EventHubDbContext db, Actor actor, CancellationToken ct)
    {
        var scope = await access.ReadableAsync(db, actor, ct);
        return db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => scope.All || (m.EventId != null && scope.EventIds.Contains(m.EventId.Value)));
    }

    private string PickupPath(long id, string messageId) => MimeComposer.PickupPath(_options.PickupFolder, id, messageId);
}
