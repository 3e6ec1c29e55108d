using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.OpenSpace.Emails;

/// <summary>Shared shape of the Open Space session-changed messages: the session as it was and as it is now.</summary>
public abstract class SessionChangedTemplate : IEmailTemplate
{
    public abstract string Name { get; }

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<SessionChangedPayload>();
        string? At(DateTime? utc) => utc is DateTime t ? EventTime.FormatDateTime(t, evt.TimeZoneId) : null;
        var now = payload.NewStartUtc is DateTime start && payload.NewEndUtc is DateTime end && end > start
            ? EventTime.FormatRange(start, end, evt.TimeZoneId)
            : At(payload.NewStartUtc);
        var (subject, heading, intro) = Describe(payload, evt.Title);
        var body = new EmailBody()
            .Heading(heading)
            .Paragraph($"Dear {payload.RecipientName},")
            .Paragraph(intro)
            .Details(("Event", evt.Title), ("Was in", payload.OldRoom), ("Was at", At(payload.OldStartUtc)), ("Now in", payload.NewRoom), ("Now", now))
            .Link("See the board", context.Link($"/events/{evt.Slug}/board"));
        var (text, html) = body.Build(subject, Why(payload, evt.Title));
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }

    protected abstract (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle);

    /// <summary>The footer: why this person gets the message.</summary>
    protected virtual string Why(SessionChangedPayload payload, string eventTitle) =>
        $"You are getting this email because you said you were interested in {payload.SessionTitle} at {eventTitle}.";
}
