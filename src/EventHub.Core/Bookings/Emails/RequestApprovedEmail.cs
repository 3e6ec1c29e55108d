using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class RequestApprovedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.RequestApproved;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your request is approved").Paragraph($"Good news: the organisers have approved your request. You have a place at {mail.Event.Title}.");
        mail.EventDetails(body);
        mail.Ticket(body);
        return mail.Finish($"Your place at {mail.Event.Title} is approved", body, ticket: true, invite: true);
    }
}
