namespace EventHub.Core.Email;

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
