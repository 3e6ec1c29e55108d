using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

/// <summary>The values one booking message is made from, with helpers the templates share.</summary>
public sealed class BookingMail(EmailRenderContext context, EmailEvent evt, BookingMessagePayload payload)
{
    public EmailRenderContext Context { get; } = context;

    /// <summary>The event as this message may show it: the online joining link only for someone with a confirmed online place.</summary>
    public EmailEvent Event { get; } = JoiningLink.MayHave(payload.CheckInCode is not null, payload.Attendance) ? evt : evt with { OnlineUrl = string.Empty };

    /// <summary>True when the event is (also) online, whether or not this message may carry the joining link.</summary>
    public bool IsOnline { get; } = !string.IsNullOrWhiteSpace(evt.OnlineUrl);

    public BookingMessagePayload Payload { get; } = payload;

    public string ManageUrl => Context.Link(ManageRoutes.Manage(Payload.ManageToken));

    public string When => EventTime.FormatRange(Event.StartUtc, Event.EndUtc, Event.TimeZoneId);

    public string? Where
    {
        get
        {
            var venue = string.Join("\n", new[] { Event.VenueName, Event.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var online = !string.IsNullOrWhiteSpace(Event.OnlineUrl) ? "Online: " + Event.OnlineUrl
                : IsOnline && Payload.Attendance != Attendance.InPerson ? "Online: the joining link is sent to people with a confirmed online place"
                : null;
            if (online is not null)
            {
                venue = venue.Length == 0 ? online : venue + "\n" + online;
            }

            return venue.Length == 0 ? null : venue;
        }
    }

    public EmailBody Start(string heading) =>
        new EmailBody().Heading(heading).Paragraph($"Dear {Payload.AttendeeName},");

    public EmailBody EventDetails(EmailBody body) => body.Details(
        ("Event", Event.Title),
        ("Session", Payload.SessionTitle),
        ("When", When),
        ("Where", Where),
        ("Ticket", Payload.TicketTypeName),
        ("Booking reference", Payload.BookingReference));

    public RenderedEmail Finish(string subject, EmailBody body, bool ticket = false, bool invite = false, bool cancelInvite = false)
    {
        var (text, html) = body
            .Link("View or change your booking", ManageUrl)
            .Build(subject, $"You are getting this email because of your booking for {Event.Title}. Reply to this email to contact the organisers.");
        var rendered = new RenderedEmail { Subject = subject, Text = text, Html = html };
        if (ticket && !string.IsNullOrWhiteSpace(Payload.CheckInCode))
        {
            rendered.InlineImages.Add(TicketQr.Image(Payload.CheckInCode));
        }

        if ((invite || cancelInvite) && !Payload.WithoutInvite)
        {
            rendered.Attachments.Add(CalendarInvite.Attachment(Event, Context.IcsSequence, cancelInvite, ManageUrl, Context.Options));
        }

        return rendered;
    }

    public EmailBody Ticket(EmailBody body) => string.IsNullOrWhiteSpace(Payload.CheckInCode)
        ? body
        : body.Paragraph("Show this code at the door. It is your ticket.")
            .Image(TicketQr.ContentId, "Ticket QR code for check-in code " + Payload.CheckInCode, 200, "Your check-in code: " + Payload.CheckInCode)
            .Details(("Check-in code", Payload.CheckInCode));

    /// <summary>"Tell me about the next one": the series' mailing list, for someone who has no place this time.</summary>
    public EmailBody NextEdition(EmailBody body) => Event is { SeriesSlug: { } slug, SeriesName: { } series }
        ? body.Paragraph($"Want to hear when the next {series} opens for booking? Join its mailing list: we send nothing else, and you can leave with one click.")
            .Link("Tell me about the next one", Context.Link(SeriesRoutes.MailingList(slug)))
        : body;

    public string FormatUtc(DateTime utc) => EventTime.FormatDateTime(utc, Event.TimeZoneId);
}
