using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class BookingCancelledEmail : BookingTemplate
{
    public override string Name => BookingTemplates.BookingCancelled;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your booking is cancelled").Paragraph($"Your booking for {mail.Event.Title} is cancelled. You no longer have a place.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("Reason", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        return mail.Finish($"Your booking for {mail.Event.Title} is cancelled", body, cancelInvite: true);
    }
}
