using EventHub.Core.Bookings;
using EventHub.Core.Bookings.Emails;
using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.FollowUps.Emails;

public sealed class ReminderEmail : BookingTemplate
{
    public override string Name => FollowUpTemplates.Reminder;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start($"{mail.Event.Title} is coming up").Paragraph("This is a reminder that you have a place.");
        mail.EventDetails(body);
        mail.Ticket(body);
        body.Paragraph("Are you still coming? If not, please release your place so someone on the waiting list can have it.")
            .Link("Yes, keep my place", mail.Context.Link(ManageRoutes.StillComing(mail.Payload.ManageToken)))
            .Link("No, release my place", mail.Context.Link(ManageRoutes.ReleasePlace(mail.Payload.ManageToken)));
        return mail.Finish($"Reminder: {mail.Event.Title}, {mail.When}", body, ticket: true);
    }
}
