using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Email.MailingLists;

/// <summary>"Click to join the list": the second half of double opt-in.</summary>
public sealed class ListConfirmEmail : IEmailTemplate
{
    public string Name => MailingListTemplates.Confirm;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<ListConfirmPayload>();
        var subject = $"Confirm you want emails about {payload.SeriesName}";
        var (text, html) = new EmailBody()
            .Heading("Confirm your email address")
            .Paragraph($"Dear {context.Message.ToName},")
            .Paragraph($"You asked to hear about the next {payload.SeriesName}. Confirm your address to join the list.")
            .Link("Yes, add me to the list", context.Link(MailingListRoutes.Confirm(payload.ConfirmToken)))
            .Paragraph("If you did not ask for this, ignore this email: you will not be added.")
            .Build(subject, $"Sent because someone entered this address on the {payload.SeriesName} sign-up form.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}

/// <summary>A new edition announced to the series list, with RFC 8058 one-click unsubscribe.</summary>
public sealed class ListAnnounceEmail : IEmailTemplate
{
    public string Name => MailingListTemplates.Announce;

    public async Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<ListAnnouncePayload>();
        var stillSubscribed = await context.Db.Set<ListSubscription>().AsNoTracking()
            .AnyAsync(s => s.Id == payload.SubscriptionId && s.UnsubscribeToken == payload.UnsubscribeToken && s.Status == SubscriptionStatus.Confirmed, ct);
        if (!stillSubscribed)
        {
            return RenderedEmail.Suppress("Not sent: the address left the mailing list after this was queued.");
        }

        var evt = context.RequireEvent();
        var early = payload.PriorityToken is { Length: > 0 } token && payload.GeneralOpensUtc is not null;
        var subject = early ? $"Book early: {evt.Title}" : $"Booking is open: {evt.Title}";
        var unsubscribePage = context.Link(MailingListRoutes.Unsubscribe(payload.UnsubscribeToken));
        var body = new EmailBody()
            .Heading(early ? $"The next {payload.SeriesName}: book before everyone else" : $"The next {payload.SeriesName} is open for booking")
            .Paragraph($"Dear {context.Message.ToName},")
            .Paragraph($"You asked us to tell you about the next {payload.SeriesName}. Here it is.")
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)), ("Where", WhereOf(evt)));
        if (early)
        {
            body.Paragraph(PriorityTemplateText.Window(payload.PriorityOpensUtc, payload.GeneralOpensUtc!.Value, evt.TimeZoneId))
                .Link("Book your place early", context.Link(PriorityRoutes.Book(evt.Slug, payload.PriorityToken!)))
                .Paragraph("This link is yours: please do not share it.");
        }
        else
        {
            body.Link("See the event and book a place", context.Link($"/events/{evt.Slug}"));
        }

        var (text, html) = body
            .Paragraph("To stop getting these emails, unsubscribe: " + unsubscribePage)
            .Build(subject, $"You are on the {payload.SeriesName} mailing list because you signed up and confirmed your address.");
        var rendered = new RenderedEmail { Subject = subject, Text = text, Html = html };
        rendered.Headers["List-Unsubscribe"] = "<" + context.Link(MailingListRoutes.OneClickUnsubscribe(payload.UnsubscribeToken)) + ">";
        rendered.Headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        rendered.Headers["List-Id"] = $"{payload.SeriesName} <series-{evt.SeriesId}.{HostOf(context.Options.PublicBaseUrl)}>";
        return rendered;
    }

    internal static string WhereOf(Events.Event evt)
    {
        var where = string.Join(", ", new[] { evt.VenueName, evt.VenueAddress.Replace("\n", ", ", StringComparison.Ordinal) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return where.Length == 0 ? evt.OnlineUrl : where;
    }

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "eventhub";
}

/// <summary>
/// To someone left on the waiting list of the series' previous edition: their own priority booking link for this one.
/// They are not on the mailing list, so there is nothing to unsubscribe from; the message says how to join it.
/// </summary>
public sealed class ListPriorityInviteEmail : IEmailTemplate
{
    public string Name => MailingListTemplates.PriorityInvite;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<ListPriorityInvitePayload>();
        var evt = context.RequireEvent();
        var subject = $"Book early: {evt.Title}";
        var (text, html) = new EmailBody()
            .Heading($"You missed out last time: book the next {payload.SeriesName} early")
            .Paragraph($"Dear {context.Message.ToName},")
            .Paragraph($"You were on the waiting list for {payload.PreviousEventTitle} and we could not offer you a place. The next one is coming up.")
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)), ("Where", ListAnnounceEmail.WhereOf(evt)))
            .Paragraph(PriorityTemplateText.Window(payload.PriorityOpensUtc, payload.GeneralOpensUtc, evt.TimeZoneId))
            .Link("Book your place early", context.Link(PriorityRoutes.Book(evt.Slug, payload.PriorityToken)))
            .Paragraph("This link is yours: please do not share it.")
            .Link($"Hear about future editions of {payload.SeriesName}", context.Link(MailingListRoutes.SignUp(payload.SeriesSlug)))
            .Build(subject, $"Sent once, because you were on the waiting list for {payload.PreviousEventTitle}. We will not email you about the series again unless you join its mailing list.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}

internal static class PriorityTemplateText
{
    public static string Window(DateTime? priorityOpensUtc, DateTime generalOpensUtc, string? timeZoneId) =>
        (priorityOpensUtc is { } p
            ? $"With your own link you can book from {EventTime.FormatDateTime(p, timeZoneId)}, "
            : "With your own link you can book now, ")
        + $"before booking opens to everyone on {EventTime.FormatDateTime(generalOpensUtc, timeZoneId)}.";
}
