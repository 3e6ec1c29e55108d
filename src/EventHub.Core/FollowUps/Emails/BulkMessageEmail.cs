using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.FollowUps.Emails;

/// <summary>One copy of an organiser's message: their Markdown (sanitised), the event, the manage link, their reply-to.</summary>
public sealed class BulkMessageEmail : IEmailTemplate
{
    public string Name => FollowUpTemplates.BulkMessage;

    public async Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<BulkMessagePayload>();
        var message = await context.Db.Set<BulkEmail>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == payload.BulkEmailId, ct)
            ?? throw new InvalidOperationException($"Bulk email {payload.BulkEmailId} no longer exists.");
        var manageUrl = context.Link(ManageRoutes.Manage(payload.ManageToken));
        var (text, html) = new EmailBody()
            .Heading(message.Subject)
            .Paragraph($"Dear {payload.AttendeeName},")
            .Raw(MarkdownRenderer.ToPlainText(message.BodyMarkdown), MarkdownRenderer.ToSafeHtml(message.BodyMarkdown))
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)))
            .Link("View or change your booking", manageUrl)
            .Build(message.Subject, $"The organisers of {evt.Title} sent this to everyone {(message.Audience == BulkAudience.Confirmed ? "with a place" : "on the waiting list")}. Reply to this email to contact them.");
        var rendered = new RenderedEmail { Subject = message.Subject, Text = text, Html = html };
        if (!string.IsNullOrWhiteSpace(message.ReplyToAddress))
        {
            rendered.ReplyTo = (message.ReplyToName, message.ReplyToAddress);
        }

        return rendered;
    }
}
