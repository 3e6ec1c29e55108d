using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.Proceedings.Emails;

public sealed class ProceedingsFollowUpEmail : IEmailTemplate
{
    public string Name => ProceedingsEmailTemplates.FollowUp;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<FollowUpPayload>();
        var subject = $"Notes and materials from {evt.Title}";
        var body = new EmailBody()
            .Heading($"Thank you for coming to {evt.Title}")
            .Paragraph($"Dear {payload.RecipientName},")
            .Paragraph("The record of the day is now online: the sessions, the notes people took and the materials they shared.")
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)),
                ("Materials", payload.MaterialCount switch { 0 => null, 1 => "1 file or link", var n => $"{n} files and links" }))
            .Link("Read the proceedings", context.Link(payload.ProceedingsPath));
        var (text, html) = body.Build(subject, $"You are getting this email because you were at {evt.Title}. Reply to this email to contact the organisers.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
