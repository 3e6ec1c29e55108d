using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class RequestReceivedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.RequestReceived;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("We have your request").Paragraph($"Thank you for asking for a place at {mail.Event.Title}. The organisers will look at your request and email you when they have decided.");
        mail.EventDetails(body);
        body.Paragraph("You do not have a place yet.");
        return mail.Finish($"We have your request for a place at {mail.Event.Title}", body);
    }
}
