using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class EventChangedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.EventChanged;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("The event has changed").Paragraph($"The organisers have changed the details of {mail.Event.Title}. Please check the new details below. Your booking still stands.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("What changed", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        body.Paragraph("The calendar invite attached to this email updates the event in your calendar.");
        return mail.Finish($"Changed: {mail.Event.Title}, now {mail.When}", body, invite: true);
    }
}
