using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists.Emails;

/// <summary>
/// To someone left on the waiting list of the series' previous edition: their own priority booking link for this one.
/// They are not on the mailing list, so there is nothing to unsubscribe from; the message says how to join it.
/// </summary>
public sealed class ListPriorityInviteEmail : IEmailTemplate
{
    public string Name => MailingListTemplates.PriorityInvite;

    public async Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<ListPriorityInvitePayload>();
        var evt = context.RequireEvent();
        var subject = $"Book early: {evt.Title}";
        var (text, html) = new EmailBody()
            .Heading($"You missed out last time: book the next {payload.SeriesName} early")
            .Paragraph($"Dear {context.Message.ToName},")
            .Paragraph($"You were on the waiting list for {payload.PreviousEventTitle} and we could not offer you a place. The next one is coming up.")
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)), ("Where", evt.Place),
                ("Who may book", await EligibilityNotice.ForEventAsync(context.Db, evt.Id, ct)))
            .Paragraph(PriorityTemplateText.Window(payload.PriorityOpensUtc, payload.GeneralOpensUtc, evt.TimeZoneId))
            .Link("Book your place early", context.Link(PriorityRoutes.Book(evt.Slug, payload.PriorityToken)))
            .Paragraph("This link is yours: please do not share it.")
            .Link($"Hear about future editions of {payload.SeriesName}", context.Link(MailingListRoutes.SignUp(payload.SeriesSlug)))
            .Build(subject, $"Sent once, because you were on the waiting list for {payload.PreviousEventTitle}. We will not email you about the series again unless you join its mailing list.");
        return new RenderedEmail { Subject = subject, Text = text, Html = html };
    }
}
