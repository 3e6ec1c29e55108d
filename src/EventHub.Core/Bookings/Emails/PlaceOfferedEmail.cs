using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class PlaceOfferedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.PlaceOffered;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("A place is free for you").Paragraph($"A place has come free at {mail.Event.Title} and it is yours if you want it.");
        if (mail.Payload.OfferExpiresUtc is DateTime expires)
        {
            body.Details(("Accept by", mail.FormatUtc(expires)));
        }

        mail.EventDetails(body);
        body.Link("Accept the place", mail.Context.Link(ManageRoutes.AcceptOffer(mail.Payload.ManageToken)))
            .Link("No thanks, give it to someone else", mail.Context.Link(ManageRoutes.DeclineOffer(mail.Payload.ManageToken)))
            .Paragraph("If you do not accept in time, we will offer the place to the next person waiting.");
        return mail.Finish($"A place is free for you at {mail.Event.Title}", body);
    }
}
