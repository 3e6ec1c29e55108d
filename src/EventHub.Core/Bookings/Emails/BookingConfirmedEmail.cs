using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class BookingConfirmedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.BookingConfirmed;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your place is confirmed").Paragraph($"You have a place at {mail.Event.Title}.");
        mail.EventDetails(body);
        mail.Ticket(body);
        body.Paragraph("The calendar invite attached to this email adds the event to your calendar. If you can no longer come, please cancel so someone else can have your place.");
        return mail.Finish($"Your place at {mail.Event.Title} is confirmed", body, ticket: true, invite: true);
    }
}
