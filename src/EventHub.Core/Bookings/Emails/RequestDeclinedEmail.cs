using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class RequestDeclinedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.RequestDeclined;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your request was not approved").Paragraph($"Sorry, the organisers could not give you a place at {mail.Event.Title}.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("Reason", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        return mail.Finish($"Your request for {mail.Event.Title} was not approved", body);
    }
}
