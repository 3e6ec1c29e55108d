using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class OfferExpiredEmail : BookingTemplate
{
    public override string Name => BookingTemplates.OfferExpired;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your offer has expired").Paragraph($"The place we offered you at {mail.Event.Title} was not accepted in time, so we have offered it to the next person waiting.");
        mail.EventDetails(body);
        mail.NextEdition(body);
        return mail.Finish($"Your offer of a place at {mail.Event.Title} has expired", body);
    }
}
