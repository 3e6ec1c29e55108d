using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists.Emails;

/// <summary>"Click to join the list": the second half of double opt-in.</summary>
public sealed class ListConfirmEmail : IEmailTemplate
{
    public string Name => MailingListTemplates.Confirm;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<ListConfirmPayload>();
        var subject = $"Confirm you want emails about {payload.SeriesName}";
        var (text, html) = new EmailBody()
            .Heading("Confirm your email address")
            .Paragraph($"You asked to hear about the next {payload.SeriesName}. Confirm your address to join the list.")
            .Link("Yes, add me to the list", context.Link(MailingListRoutes.Confirm(payload.ConfirmToken)))
            .Paragraph("If you did not ask for this, ignore this email: you will not be added.")
            .Build(subject, $"Sent because someone entered this address on the {payload.SeriesName} sign-up form.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
