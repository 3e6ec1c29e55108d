using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class BookingLinkResentEmail : BookingTemplate
{
    public override string Name => BookingTemplates.BookingLinkResent;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your booking link").Paragraph($"You asked for the link to your booking for {mail.Event.Title}. Use the button below to see or change it. Do not share the link: anyone with it can change your booking.");
        mail.EventDetails(body);
        return mail.Finish($"Your booking link for {mail.Event.Title}", body);
    }
}
