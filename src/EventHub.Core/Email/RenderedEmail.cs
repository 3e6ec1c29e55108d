using System.Text.Json;
using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>An image shown inside the HTML part, referenced as <c>cid:{ContentId}</c>.</summary>
public sealed record InlineImage(string ContentId, string FileName, string MediaType, string MediaSubtype, byte[] Content);

/// <summary>A file attached to the message, e.g. a calendar invite.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>What a template produces: everything but the envelope (from, to, reply-to, Message-ID).</summary>
public sealed class RenderedEmail
{
    public required string Subject { get; init; }

    public required string Text { get; init; }

    public required string Html { get; init; }

    public List<InlineImage> InlineImages { get; } = [];

    public List<EmailAttachment> Attachments { get; } = [];

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces the configured reply-to, e.g. with the organiser who wrote a bulk message.</summary>
    public (string Name, string Address)? ReplyTo { get; set; }

    /// <summary>Set when the message must not be sent after all (e.g. the address unsubscribed meanwhile).</summary>
    public string? SuppressedReason { get; init; }

    public static RenderedEmail Suppress(string reason) =>
        new() { Subject = string.Empty, Text = string.Empty, Html = string.Empty, SuppressedReason = reason };
}

/// <summary>Everything a template may read while rendering one outbox message.</summary>
public sealed class EmailRenderContext
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public required OutboxMessage Message { get; init; }

    /// <summary>The event named by <see cref="OutboxMessage.EventId"/>, if any.</summary>
    public EmailEvent? Event { get; init; }

    /// <summary>The calendar SEQUENCE for <see cref="Event"/>: it goes up each time the event's time or place changes.</summary>
    public int IcsSequence { get; init; }

    public required EmailOptions Options { get; init; }

    /// <summary>A short-lived context for templates that must check current state (e.g. list subscriptions).</summary>
    public required EventHubDbContext Db { get; init; }

    public T Payload<T>()
    {
        var value = JsonSerializer.Deserialize<T>(Message.PayloadJson, JsonOptions);
        return value ?? throw new InvalidOperationException($"Outbox message {Message.Id} has no payload for {Message.Template}.");
    }

    public EmailEvent RequireEvent() =>
        Event ?? throw new InvalidOperationException($"Outbox message {Message.Id} ({Message.Template}) needs an event but event {Message.EventId} was not found.");

    public string Link(string relative) => Options.Link(relative);
}

/// <summary>One kind of message: turns an outbox row into subject, text, HTML and attachments.</summary>
public interface IEmailTemplate
{
    string Name { get; }

    Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct);
}
