using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists.Emails;

/// <summary>A new edition announced to the series list, with RFC 8058 one-click unsubscribe.</summary>
public sealed class ListAnnounceEmail : IEmailTemplate
{
    public string Name => MailingListTemplates.Announce;

    public async Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<ListAnnouncePayload>();
        // The mail's own link still works only while the person has not left (and signed up again) since it was queued.
        var stillSubscribed = await context.Db.Set<ListSubscription>().AsNoTracking().WithLink(context.Db, payload.UnsubscribeToken, ListLinks.Unsubscribe)
            .AnyAsync(s => s.Id == payload.SubscriptionId && s.Status == SubscriptionStatus.Confirmed, ct);
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
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)), ("Where", evt.Place),
                ("Who may book", await EligibilityNotice.ForEventAsync(context.Db, evt.Id, ct)));
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

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "eventhub";
}
