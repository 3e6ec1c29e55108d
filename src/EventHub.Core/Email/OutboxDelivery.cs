using System.Net.Sockets;
using EventHub.Core.Common;
using EventHub.Core.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventHub.Core.Email;

/// <summary>
/// Delivers due outbox messages: claims a batch, renders each, sends them over one SMTP connection (or writes .eml
/// files when no SMTP host is set), and marks each message right after its own send, so a crash can resend at most
/// the one message in flight and never skips any. Over SMTP no copy of the message is kept, and the tokens of its
/// links are removed from its payload once sent; in pickup mode the .eml file is the delivery and holds them. While a
/// message waits, those tokens are stored protected (<see cref="OutboxPayloadProtection"/>) and revealed only to render.
/// </summary>
public sealed class OutboxDelivery(
    IDbContextFactory<EventHubDbContext> dbFactory,
    EmailTemplateRegistry templates,
    IEmailEventSource eventSource,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger,
    OutboxPayloadProtection? protection = null)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>Test seam: runs after a worker has read which messages are due and before it claims them.</summary>
    internal Func<Task>? BeforeClaimForTests { get; set; }

    /// <summary>Test seam: runs after a message is handed to the server and before it is marked sent.</summary>
    internal Func<OutboxMessage, Task>? AfterSendForTests { get; set; }

    public EmailOptions Options => _options;

    public async Task<DeliveryReport> DeliverDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await ClaimAsync(db, ct);
        if (batch.Count == 0)
        {
            return DeliveryReport.Nothing;
        }

        var counts = new Counts();
        var ready = new List<(OutboxMessage Message, MimeMessage Mime, string Payload)>(batch.Count);
        var events = new Dictionary<int, (EmailEvent? Event, int Sequence)>();
        foreach (var message in batch)
        {
            if (await RenderAsync(db, message, events, counts, ct) is { } rendered)
            {
                ready.Add((message, rendered.Mime, rendered.Payload));
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (ready.Count > 0)
        {
            if (_options.UsesPickupFolder)
            {
                await WritePickupFilesAsync(db, ready, counts);
            }
            else
            {
                await SendOverSmtpAsync(db, ready, counts, ct);
            }
        }

        return new DeliveryReport(batch.Count, counts.Sent, counts.Failed, counts.Deferred, counts.Suppressed);
    }

    /// <summary>The .eml file a message was written to when delivered to the pickup folder.</summary>
    public string PickupPath(OutboxMessage message) => PickupPath(message.Id, message.MessageId);

    public string PickupPath(long id, string messageId) => MimeComposer.PickupPath(PickupFolder, id, messageId);

    public string PickupFolder => _options.PickupFolder;

    private async Task<List<OutboxMessage>> ClaimAsync(EventHubDbContext db, CancellationToken ct)
    {
        // A worker (on this node or another) that read the same ids and claimed them first leaves this one with none:
        // read again rather than sleep a poll interval while mail is waiting. Each lost round means someone else took
        // messages, so this ends when nothing due is left.
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var ids = await db.Set<OutboxMessage>()
                .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptUtc <= now)
                .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(Math.Max(1, _options.BatchSize))
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                return [];
            }

            if (BeforeClaimForTests is { } beforeClaim)
            {
                await beforeClaim();
            }

            // A conditional update is the claim: a second worker that read the same ids updates none of them.
            var token = SecureTokens.New(16);
            var leaseUntil = now + _options.ClaimLease;
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Queued && m.NextAttemptUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.NextAttemptUtc, leaseUntil), ct);
            if (claimed > 0)
            {
                return await db.Set<OutboxMessage>().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
            }
        }
    }

    /// <summary>The message written out, and the payload it was written from (its protected values revealed).</summary>
    private async Task<(MimeMessage Mime, string Payload)?> RenderAsync(
        EventHubDbContext db, OutboxMessage message, Dictionary<int, (EmailEvent? Event, int Sequence)> events, Counts counts, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!templates.TryGet(message.Template, out var template))
        {
            MarkFailed(message, $"No email template is called '{message.Template}'.");
            counts.Failed++;
            return null;
        }

        try
        {
            (EmailEvent? Event, int Sequence) evt = (null, 0);
            if (message.EventId is int eventId && !events.TryGetValue(eventId, out evt))
            {
                var loaded = await eventSource.FindAsync(db, eventId, ct);
                evt = (loaded, loaded is null ? 0 : await IcsSequence.CurrentAsync(db, loaded, ct));
                events[eventId] = evt;
            }

            var payload = protection?.Reveal(message) ?? message.PayloadJson;
            var context = new EmailRenderContext { Message = message, PayloadJson = payload, Event = evt.Event, IcsSequence = evt.Sequence, Options = _options, Db = db };
            var rendered = await template.RenderAsync(context, ct);
            if (rendered.SuppressedReason is not null)
            {
                message.Status = OutboxStatus.Suppressed;
                message.LastError = rendered.SuppressedReason;
                message.ClaimToken = null;
                counts.Suppressed++;
                return null;
            }

            message.Subject = Texts.Truncate(rendered.Subject, 400);
            return (MimeComposer.Compose(message, rendered, _options, now), payload);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not render outbox message {Id} ({Template})", message.Id, message.Template);
            MarkFailed(message, "Could not be written: " + ex.Message);
            counts.Failed++;
            return null;
        }
    }

    private async Task WritePickupFilesAsync(EventHubDbContext db, List<(OutboxMessage Message, MimeMessage Mime, string Payload)> ready, Counts counts)
    {
        Directory.CreateDirectory(PickupFolder);
        foreach (var (message, mime, _) in ready)
        {
            var path = PickupPath(message);
            var temp = path + ".tmp";
            await mime.WriteToAsync(temp, CancellationToken.None);
            File.Move(temp, path, overwrite: true);
            MarkSent(message);
            counts.Sent++;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task SendOverSmtpAsync(EventHubDbContext db, List<(OutboxMessage Message, MimeMessage Mime, string Payload)> ready, Counts counts, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var next = 0;
        try
        {
            await ConnectAsync(client, ct);
            for (; next < ready.Count; next++)
            {
                var (message, mime, payload) = ready[next];
                try
                {
                    await client.SendAsync(mime, ct);
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    logger.LogWarning("SMTP server refused message {Id} for good: {Code} {Reply}", message.Id, (int)ex.StatusCode, ex.Message);
                    MarkFailed(message, $"{(int)ex.StatusCode} {ex.Message}".Trim());
                    counts.Failed++;
                    await db.SaveChangesAsync(CancellationToken.None);
                    continue;
                }
                catch (SmtpCommandException ex)
                {
                    logger.LogInformation("SMTP server deferred message {Id}: {Code} {Reply}", message.Id, (int)ex.StatusCode, ex.Message);
                    Defer(message, $"{(int)ex.StatusCode} {ex.Message}".Trim(), counts);
                    await db.SaveChangesAsync(CancellationToken.None);
                    if (!client.IsConnected)
                    {
                        await ConnectAsync(client, ct);
                    }

                    continue;
                }

                if (AfterSendForTests is not null)
                {
                    await AfterSendForTests(message);
                }

                // Marked one at a time, straight after its own send: a crash here resends only this message. The
                // tokens of the links it carried go from its payload with it (DeliveredLinks), stripped from the revealed
                // payload so nothing protected is left to reveal later.
                MarkSent(message);
                message.PayloadJson = DeliveredLinks.Strip(payload, mime, _options.PublicBaseUrl);
                counts.Sent++;
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Could not reach the SMTP server {Host}:{Port} ({Error}); {Count} message(s) will be retried",
                _options.Host, _options.Port, ex.Message, ready.Count - next);
            for (var i = next; i < ready.Count; i++)
            {
                Defer(ready[i].Message, ex.Message, counts);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the unsent rest back at once rather than waiting for the claim to lapse.
            var now = clock.GetUtcNow().UtcDateTime;
            for (var i = next; i < ready.Count; i++)
            {
                ready[i].Message.ClaimToken = null;
                ready[i].Message.NextAttemptUtc = now;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        var security = _options.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        // Our own socket so Nagle can be switched off: with it on, each SMTP command waits on the peer's delayed ACK
        // (tens of milliseconds per message); measured on loopback it roughly halves the time per message.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connectTimeout.CancelAfter(_options.Timeout);
            await socket.ConnectAsync(_options.Host, _options.Port, connectTimeout.Token);
            await client.ConnectAsync(socket, _options.Host, _options.Port, security, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password, ct);
        }
    }

    private static bool IsTransient(Exception ex) => ex is SocketException or IOException or TimeoutException
        or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or SmtpCommandException
        or OperationCanceledException;

    private void MarkSent(OutboxMessage message)
    {
        message.Status = OutboxStatus.Sent;
        message.SentUtc = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastError = null;
        message.ClaimToken = null;
    }

    private static void MarkFailed(OutboxMessage message, string reason)
    {
        message.Status = OutboxStatus.Failed;
        message.Attempts++;
        message.LastError = Texts.Truncate(reason, 2000);
        message.ClaimToken = null;
    }

    private void Defer(OutboxMessage message, string reason, Counts counts)
    {
        message.Attempts++;
        message.ClaimToken = null;
        if (message.Attempts >= _options.MaxAttempts)
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = Texts.Truncate($"Gave up after {message.Attempts} attempts: {reason}", 2000);
            counts.Failed++;
            return;
        }

        message.LastError = Texts.Truncate(reason, 2000);
        message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + _options.RetryDelay(message.Attempts);
        counts.Deferred++;
    }

    private sealed class Counts
    {
        public int Sent { get; set; }

        public int Failed { get; set; }

        public int Deferred { get; set; }

        public int Suppressed { get; set; }
    }
}
