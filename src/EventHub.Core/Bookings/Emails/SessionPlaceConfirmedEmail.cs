using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class SessionPlaceConfirmedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.SessionPlaceConfirmed;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var session = mail.Payload.SessionTitle ?? "the session";
        var body = mail.Start("Your session place is confirmed").Paragraph($"You have a place in {session} at {mail.Event.Title}.");
        mail.EventDetails(body);
        return mail.Finish($"Your place in {session} at {mail.Event.Title} is confirmed", body);
    }
}
