using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.Polls.Emails;

public sealed class PollEventPublishedEmail : IEmailTemplate
{
    public string Name => PollTemplates.EventPublished;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<PollEventPublishedPayload>();
        var when = EventTime.FormatRange(payload.StartUtc, payload.EndUtc, payload.TimeZoneId);
        var subject = $"{payload.EventTitle} is on {when}";
        var body = new EmailBody()
            .Heading("The date is set")
            .Paragraph($"Dear {payload.VoterName},")
            .Paragraph($"The organisers have chosen a date for {payload.PollTitle}, using the answers to the poll.")
            .Details(("Event", payload.EventTitle), ("When", when), ("Where", payload.Place));
        if (!string.IsNullOrWhiteSpace(payload.PriorityBookingPath))
        {
            body.Paragraph(payload.GeneralBookingOpensUtc is DateTime opens
                    ? $"Because you said you could come, you can book before booking opens to everyone on {EventTime.FormatDateTime(opens, payload.TimeZoneId)}. Do not share this link: it is yours."
                    : "Because you said you could come, you can book early with your own link. Do not share it: it is yours.")
                .Link("Book your place", context.Link(payload.PriorityBookingPath));
        }

        body.Link("See the event", context.Link(payload.EventPath))
            .Paragraph("The calendar invite attached to this email adds the event to your calendar. It does not book you a place.");
        var (text, html) = body.Build(subject, $"You are getting this email because you answered {payload.PollTitle} and gave this address. Reply to this email to contact the organisers.");
        var rendered = new RenderedEmail { Subject = subject, Text = text, Html = html };
        if (context.Event is { } evt)
        {
            // The same invite (UID and SEQUENCE) a booking confirmation carries, so booking later updates this calendar
            // entry instead of adding a second one.
            rendered.Attachments.Add(CalendarInvite.Attachment(evt, context.IcsSequence, cancel: false, context.Link(payload.EventPath), context.Options, "See the event and book"));
        }
        else if (!string.IsNullOrWhiteSpace(payload.Ics))
        {
            // Queued by an earlier version, which wrote the invite into the message.
            rendered.Attachments.Add(new EmailAttachment(CalendarInvite.FileName, "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(payload.Ics)));
        }

        return Task.FromResult(rendered);
    }
}
