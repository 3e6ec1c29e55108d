using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class BookingLinkResentEmail : BookingTemplate
{
    public override string Name => BookingTemplates.BookingLinkResent;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your booking link").Paragraph($"Someone asked for the link to your booking for {mail.Event.Title}, or tried to book it again with this email address. You already have a booking: use the button below to see or change it. If it was not you, you do not need to do anything. Do not share the link: anyone with it can change your booking.");
        mail.EventDetails(body);
        return mail.Finish($"Your booking link for {mail.Event.Title}", body);
    }
}
