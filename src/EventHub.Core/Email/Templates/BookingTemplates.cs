using EventHub.Core.Common;
using EventHub.Core.Events;

namespace EventHub.Core.Email.Templates;

/// <summary>
/// Shared shape of the booking messages: greeting, event details in the event's own time zone, the manage link,
/// and a footer saying why the person got the message.
/// </summary>
public abstract class BookingTemplate : IEmailTemplate
{
    public abstract string Name { get; }

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<BookingMessagePayload>();
        return Task.FromResult(Render(new BookingMail(context, evt, payload)));
    }

    protected abstract RenderedEmail Render(BookingMail mail);
}

/// <summary>The values one booking message is made from, with helpers the templates share.</summary>
public sealed class BookingMail(EmailRenderContext context, Event evt, BookingMessagePayload payload)
{
    public EmailRenderContext Context { get; } = context;

    public Event Event { get; } = evt;

    public BookingMessagePayload Payload { get; } = payload;

    public string ManageUrl => Context.Link(ManageRoutes.Manage(Payload.ManageToken));

    public string When => EventTime.FormatRange(Event.StartUtc, Event.EndUtc, Event.TimeZoneId);

    public string? Where
    {
        get
        {
            var venue = string.Join("\n", new[] { Event.VenueName, Event.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (!string.IsNullOrWhiteSpace(Event.OnlineUrl))
            {
                venue = venue.Length == 0 ? "Online: " + Event.OnlineUrl : venue + "\nOnline: " + Event.OnlineUrl;
            }

            return venue.Length == 0 ? null : venue;
        }
    }

    public EmailBody Start(string heading) =>
        new EmailBody().Heading(heading).Paragraph($"Dear {Payload.AttendeeName},");

    public EmailBody EventDetails(EmailBody body) => body.Details(
        ("Event", Event.Title),
        ("Session", Payload.SessionTitle),
        ("When", When),
        ("Where", Where),
        ("Ticket", Payload.TicketTypeName),
        ("Booking reference", Payload.BookingReference));

    public RenderedEmail Finish(string subject, EmailBody body, bool ticket = false, bool invite = false, bool cancelInvite = false)
    {
        var (text, html) = body
            .Link("View or change your booking", ManageUrl)
            .Build(subject, $"You are getting this email because of your booking for {Event.Title}. Reply to this email to contact the organisers.");
        var rendered = new RenderedEmail { Subject = subject, Text = text, Html = html };
        if (ticket && !string.IsNullOrWhiteSpace(Payload.CheckInCode))
        {
            rendered.InlineImages.Add(TicketQr.Image(Payload.CheckInCode));
        }

        if ((invite || cancelInvite) && !Payload.WithoutInvite)
        {
            rendered.Attachments.Add(CalendarInvite.Attachment(Event, Context.IcsSequence, cancelInvite, ManageUrl, Context.Options));
        }

        return rendered;
    }

    public EmailBody Ticket(EmailBody body) => string.IsNullOrWhiteSpace(Payload.CheckInCode)
        ? body
        : body.Paragraph("Show this code at the door. It is your ticket.")
            .Image(TicketQr.ContentId, "Ticket QR code for check-in code " + Payload.CheckInCode, 200, "Your check-in code: " + Payload.CheckInCode)
            .Details(("Check-in code", Payload.CheckInCode));

    public string FormatUtc(DateTime utc) => EventTime.FormatDateTime(utc, Event.TimeZoneId);
}

public sealed class BookingConfirmedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.BookingConfirmed;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your place is confirmed").Paragraph($"You have a place at {mail.Event.Title}.");
        mail.EventDetails(body);
        mail.Ticket(body);
        body.Paragraph("The calendar invite attached to this email adds the event to your calendar. If you can no longer come, please cancel so someone else can have your place.");
        return mail.Finish($"Your place at {mail.Event.Title} is confirmed", body, ticket: true, invite: true);
    }
}

public sealed class RequestReceivedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.RequestReceived;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("We have your request").Paragraph($"Thank you for asking for a place at {mail.Event.Title}. The organisers will look at your request and email you when they have decided.");
        mail.EventDetails(body);
        body.Paragraph("You do not have a place yet.");
        return mail.Finish($"We have your request for a place at {mail.Event.Title}", body);
    }
}

public sealed class RequestApprovedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.RequestApproved;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your request is approved").Paragraph($"Good news: the organisers have approved your request. You have a place at {mail.Event.Title}.");
        mail.EventDetails(body);
        mail.Ticket(body);
        return mail.Finish($"Your place at {mail.Event.Title} is approved", body, ticket: true, invite: true);
    }
}

public sealed class RequestDeclinedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.RequestDeclined;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your request was not approved").Paragraph($"Sorry, the organisers could not give you a place at {mail.Event.Title}.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("Reason", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        return mail.Finish($"Your request for {mail.Event.Title} was not approved", body);
    }
}

public sealed class WaitlistJoinedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.WaitlistJoined;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("You are on the waiting list").Paragraph($"{mail.Event.Title} is full, so we have put you on the waiting list.");
        if (mail.Payload.WaitlistPosition is int position)
        {
            body.Details(("Your place in the queue", Ordinal(position)));
        }

        mail.EventDetails(body);
        body.Paragraph("If a place comes free we will email you an offer. You will have a limited time to accept it.");
        return mail.Finish($"You are on the waiting list for {mail.Event.Title}", body);
    }

    internal static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
    }
}

public sealed class PlaceOfferedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.PlaceOffered;

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

public sealed class OfferExpiredEmail : BookingTemplate
{
    public override string Name => EmailTemplates.OfferExpired;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your offer has expired").Paragraph($"The place we offered you at {mail.Event.Title} was not accepted in time, so we have offered it to the next person waiting.");
        mail.EventDetails(body);
        return mail.Finish($"Your offer of a place at {mail.Event.Title} has expired", body);
    }
}

public sealed class BookingCancelledEmail : BookingTemplate
{
    public override string Name => EmailTemplates.BookingCancelled;

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

public sealed class BookingChangedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.BookingChanged;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your booking has changed").Paragraph($"The organisers have changed your booking for {mail.Event.Title}. You still have a place.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("What changed", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        mail.Ticket(body);
        body.Paragraph("If this is not what you expected, reply to this email to contact the organisers.");
        return mail.Finish($"Your booking for {mail.Event.Title} has changed", body, ticket: true);
    }
}

public sealed class BookingLinkResentEmail : BookingTemplate
{
    public override string Name => EmailTemplates.BookingLinkResent;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("Your booking link").Paragraph($"You asked for the link to your booking for {mail.Event.Title}. Use the button below to see or change it. Do not share the link: anyone with it can change your booking.");
        mail.EventDetails(body);
        return mail.Finish($"Your booking link for {mail.Event.Title}", body);
    }
}

public sealed class SessionPlaceConfirmedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.SessionPlaceConfirmed;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var session = mail.Payload.SessionTitle ?? "the session";
        var body = mail.Start("Your session place is confirmed").Paragraph($"You have a place in {session} at {mail.Event.Title}.");
        mail.EventDetails(body);
        return mail.Finish($"Your place in {session} at {mail.Event.Title} is confirmed", body);
    }
}

public sealed class EventChangedEmail : BookingTemplate
{
    public override string Name => EmailTemplates.EventChanged;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("The event has changed").Paragraph($"The organisers have changed the details of {mail.Event.Title}. Please check the new details below. Your booking still stands.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("What changed", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        body.Paragraph("The calendar invite attached to this email updates the event in your calendar.");
        return mail.Finish($"Changed: {mail.Event.Title}, now {mail.When}", body, invite: true);
    }
}

public sealed class EventCancelledEmail : BookingTemplate
{
    public override string Name => EmailTemplates.EventCancelled;

    protected override RenderedEmail Render(BookingMail mail)
    {
        var body = mail.Start("The event is cancelled").Paragraph($"Sorry, {mail.Event.Title} has been cancelled. You do not need to do anything.");
        if (!string.IsNullOrWhiteSpace(mail.Payload.Reason))
        {
            body.Details(("Reason", mail.Payload.Reason));
        }

        mail.EventDetails(body);
        body.Paragraph("The calendar invite attached to this email removes the event from your calendar.");
        return mail.Finish($"Cancelled: {mail.Event.Title}", body, cancelInvite: true);
    }
}

public sealed class ReminderEmail : BookingTemplate
{
    public override string Name => EmailTemplates.Reminder;

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
