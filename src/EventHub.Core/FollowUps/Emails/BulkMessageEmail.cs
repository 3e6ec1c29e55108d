using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
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
        var body = new EmailBody()
            .Heading(message.Subject)
            .Paragraph($"Dear {payload.AttendeeName},")
            .Raw(MarkdownRenderer.ToPlainText(message.BodyMarkdown), MarkdownRenderer.ToSafeHtml(message.BodyMarkdown))
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)));
        if (message.Kind == BulkEmailKind.FollowUp)
        {
            // Each person's own feedback link: their manage token lets them answer once.
            body.Link("Read the proceedings", context.Link(EventRoutes.Proceedings(evt.Slug)))
                .Link("Give your feedback", context.Link(FeedbackRoutes.Form(payload.ManageToken)));
        }

        var who = message.Audience switch
        {
            BulkAudience.Confirmed => "everyone with a place",
            BulkAudience.CheckedIn => "everyone who came",
            _ => "everyone on the waiting list",
        };
        var (text, html) = body
            .Link("View or change your booking", manageUrl)
            .Build(message.Subject, $"The organisers of {evt.Title} sent this to {who}. Reply to this email to contact them.");
        var rendered = new RenderedEmail { Subject = message.Subject, Text = text, Html = html };
        if (!string.IsNullOrWhiteSpace(message.ReplyToAddress))
        {
            rendered.ReplyTo = (message.ReplyToName, message.ReplyToAddress);
        }

        return rendered;
    }
}
