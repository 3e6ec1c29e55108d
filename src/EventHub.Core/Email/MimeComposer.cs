using MimeKit;
using MimeKit.Utils;

namespace EventHub.Core.Email;

/// <summary>Puts a rendered message in its envelope: from, to, reply-to, the stable Message-ID, parts and headers.</summary>
public static class MimeComposer
{
    public static MimeMessage Compose(OutboxMessage message, RenderedEmail rendered, EmailOptions options, DateTime nowUtc)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToEmail));
        if (rendered.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(new MailboxAddress(replyTo.Name, replyTo.Address));
        }
        else if (!string.IsNullOrWhiteSpace(options.ReplyToAddress))
        {
            mime.ReplyTo.Add(new MailboxAddress(options.ReplyToName, options.ReplyToAddress));
        }

        // The same outbox row always carries the same Message-ID, so a resend after a crash is recognisably a duplicate.
        mime.MessageId = message.MessageId;
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        mime.Subject = rendered.Subject;
        foreach (var (name, value) in rendered.Headers)
        {
            mime.Headers.Add(name, value);
        }

        var builder = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html };
        foreach (var image in rendered.InlineImages)
        {
            var part = builder.LinkedResources.Add(image.FileName, image.Content, new ContentType(image.MediaType, image.MediaSubtype));
            part.ContentId = image.ContentId;
            part.ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = image.FileName };
        }

        foreach (var attachment in rendered.Attachments)
        {
            builder.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = builder.ToMessageBody();
        return mime;
    }

    /// <summary>Where a message delivered to the pickup folder is written (stable, so a resend overwrites it).</summary>
    internal static string PickupPath(string folder, long id, string messageId) =>
        Path.Combine(folder, $"{id.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)}-{FileSafe(messageId)}.eml");

    /// <summary>The local part of a Message-ID, safe for a file name.</summary>
    internal static string FileSafe(string messageId)
    {
        var local = messageId.Split('@')[0];
        return string.Concat(local.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    internal static string NewContentId() => MimeUtils.GenerateMessageId();
}
