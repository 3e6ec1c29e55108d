using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class EventCancelledEmail : BookingTemplate
{
    public override string Name => BookingTemplates.EventCancelled;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("The event is cancelled").Paragraph($"Sorry, {mail.Event.Title} has been cancelled. You do not need to do anything.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("Reason", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        body.Paragraph("The calendar invite attached to this email removes the event from your calendar.");
        return mail.Finish($"Cancelled: {mail.Event.Title}", body, cancelInvite: true);
    }
}
