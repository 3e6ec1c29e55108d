using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

/// <summary>
/// Sent instead of the ticket when the event holds places until the address is confirmed: the link leads to a page
/// with a button (a mail scanner opening the link confirms nothing). The ticket follows confirmation.
/// </summary>
public sealed class PlaceHeldEmail : BookingTemplate
{
    public override string Name => BookingTemplates.PlaceHeld;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Confirm your email address to keep your place")
            .Paragraph($"We are holding a place for you at {mail.Event.Title}. It is not yours yet: to keep it, open the link below and press \"Confirm and keep my place\".");
        if (mail.Payload.OfferExpiresUtc is DateTime expires)
        {
            body.Details(("Confirm by", mail.FormatUtc(expires)));
        }

        mail.EventDetails(body);
        body.Link("Confirm and keep my place", mail.Context.Link(ManageRoutes.ConfirmEmail(mail.Payload.ManageToken)))
            .Paragraph("If you do not confirm in time, the place goes back to be booked by someone else. Your ticket comes in a second email once you confirm.");
        return mail.Finish($"Confirm your email address to keep your place at {mail.Event.Title}", body);
    }
}
