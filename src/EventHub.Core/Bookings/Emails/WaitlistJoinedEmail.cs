using EventHub.Core.Email;
using EventHub.Core.Events;

namespace EventHub.Core.Bookings.Emails;

public sealed class WaitlistJoinedEmail : BookingTemplate
{
    public override string Name => BookingTemplates.WaitlistJoined;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("You are on the waiting list").Paragraph($"{mail.Event.Title} is full, so we have put you on the waiting list.");
        if (mail.Payload.WaitlistPosition is int position)
        {
            body.Details(("Your place in the queue", Ordinal(position)));
        }

        mail.EventDetails(body);
        body.Paragraph("If a place comes free we will email you an offer. You will have a limited time to accept it.");
        mail.NextEdition(body);
        return mail.Finish($"You are on the waiting list for {mail.Event.Title}", body);
    }

    internal static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
    }
}
