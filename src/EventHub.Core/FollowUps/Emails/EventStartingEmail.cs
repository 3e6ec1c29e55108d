using EventHub.Core.Bookings.Emails;
using EventHub.Core.Common;
using EventHub.Core.Email;

namespace EventHub.Core.FollowUps.Emails;

/// <summary>An hour before the start, to a confirmed online place: the joining link.</summary>
public sealed class EventStartingEmail : BookingTemplate
{
    public override string Name => FollowUpTemplates.EventStarting;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var starts = EventTime.FormatDateTime(mail.Event.StartUtc, mail.Event.TimeZoneId);
        var body = mail.Start($"{mail.Event.Title} starts soon").Paragraph($"It starts at {starts}.");
        if (!string.IsNullOrWhiteSpace(mail.Event.OnlineUrl))
        {
            body.Paragraph("Join online with this link. It is for people with a place, so please do not pass it on.")
                .Link("Join online", mail.Event.OnlineUrl);
        }

        mail.EventDetails(body);
        return mail.Finish($"Starting soon: {mail.Event.Title}", body);
    }
}
