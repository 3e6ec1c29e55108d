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
        var subject = $"Booking is open: {evt.Title}";
        var unsubscribePage = context.Link(MailingListRoutes.Unsubscribe(payload.UnsubscribeToken));
        var where = string.Join(", ", new[] { evt.VenueName, evt.VenueAddress.Replace("\n", ", ", StringComparison.Ordinal) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var (text, html) = new EmailBody()
            .Heading($"The next {payload.SeriesName} is open for booking")
            .Paragraph($"Dear {context.Message.ToName},")
            .Paragraph($"You asked us to tell you about the next {payload.SeriesName}. Here it is.")
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)), ("Where", where.Length == 0 ? evt.OnlineUrl : where))
            .Link("See the event and book a place", context.Link($"/events/{evt.Slug}"))
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
