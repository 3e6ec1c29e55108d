using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class BookingChangedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.BookingChanged;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your booking has changed").Paragraph($"The organisers have changed your booking for {mail.Event.Title}. You still have a place.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("What changed", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        mail.Ticket(body);
        body.Paragraph("If this is not what you expected, reply to this email to contact the organisers.");
        return mail.Finish($"Your booking for {mail.Event.Title} has changed", body, ticket: true);
    }
}
