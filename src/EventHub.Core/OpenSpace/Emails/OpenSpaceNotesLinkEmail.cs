using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.OpenSpace.Emails;

/// <summary>Tells a walk-in convener where and when their session is, with the private link to its notes page.</summary>
public sealed class OpenSpaceNotesLinkEmail : IEmailTemplate
{
    public string Name => OpenSpaceEmailTemplates.NotesLink;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<NotesLinkPayload>();
        var subject = $"Your session is on the board: {payload.SessionTitle}";
        var body = new EmailBody()
            .Heading("Your session is on the board")
            .Paragraph($"Dear {payload.RecipientName},")
            .Paragraph($"{payload.SessionTitle} at {evt.Title} has a place on the board. Use the notes link to write up what was said; anyone with it can edit the notes.")
            .Details(("Event", evt.Title), ("Room", payload.Room), ("When", EventTime.FormatRange(payload.StartUtc, payload.EndUtc, evt.TimeZoneId)))
            .Link("Open the session's notes", context.Link($"/notes/{payload.NotesToken}"));
        var (text, html) = body.Build(subject, $"You are getting this email because you pitched {payload.SessionTitle} at {evt.Title} and asked for its notes link.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
