using System.Text;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;

namespace EventHub.Core.Email.Templates;

public sealed class PollVoteRecordedEmail : IEmailTemplate
{
    public string Name => PollTemplates.VoteRecorded;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<PollVoteRecordedPayload>();
        var changeUrl = context.Link(payload.ChangeAnswersPath);
        var subject = $"Your answers to {payload.PollTitle}";
        var (text, html) = new EmailBody()
            .Heading("We have your answers")
            .Paragraph($"Dear {payload.VoterName},")
            .Paragraph($"Thank you for answering {payload.PollTitle}. We will email you when the organisers choose a date.")
            .Paragraph("You can change your answers until the poll closes. Do not share this link: anyone with it can change your answers.")
            .Link("Change your answers", changeUrl)
            .Build(subject, $"You are getting this email because you answered {payload.PollTitle} and gave this address. Reply to this email to contact the organisers.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}

public sealed class PollEventPublishedEmail : IEmailTemplate
{
    public string Name => PollTemplates.EventPublished;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<PollEventPublishedPayload>();
        var when = EventTime.FormatRange(payload.StartUtc, payload.EndUtc, payload.TimeZoneId);
        var subject = $"{payload.EventTitle} is on {when}";
        var body = new EmailBody()
            .Heading("The date is set")
            .Paragraph($"Dear {payload.VoterName},")
            .Paragraph($"The organisers have chosen a date for {payload.PollTitle}, using the answers to the poll.")
            .Details(("Event", payload.EventTitle), ("When", when), ("Where", payload.Place));
        if (!string.IsNullOrWhiteSpace(payload.PriorityBookingPath))
        {
            body.Paragraph(payload.GeneralBookingOpensUtc is DateTime opens
                    ? $"Because you said you could come, you can book before booking opens to everyone on {EventTime.FormatDateTime(opens, payload.TimeZoneId)}. Do not share this link: it is yours."
                    : "Because you said you could come, you can book early with your own link. Do not share it: it is yours.")
                .Link("Book your place", context.Link(payload.PriorityBookingPath));
        }

        body.Link("See the event", context.Link(payload.EventPath))
            .Paragraph("The calendar invite attached to this email adds the event to your calendar. It does not book you a place.");
        var (text, html) = body.Build(subject, $"You are getting this email because you answered {payload.PollTitle} and gave this address. Reply to this email to contact the organisers.");
        var rendered = new RenderedEmail { Subject = subject, Text = text, Html = html };
        if (context.Event is { } evt)
        {
            // The same invite (UID and SEQUENCE) a booking confirmation carries, so booking later updates this calendar
            // entry instead of adding a second one.
            rendered.Attachments.Add(CalendarInvite.Attachment(evt, context.IcsSequence, cancel: false, context.Link(payload.EventPath), context.Options, "See the event and book"));
        }
        else if (!string.IsNullOrWhiteSpace(payload.Ics))
        {
            // Queued by an earlier version, which wrote the invite into the message.
            rendered.Attachments.Add(new EmailAttachment(CalendarInvite.FileName, "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(payload.Ics)));
        }

        return Task.FromResult(rendered);
    }
}

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
        var (text, html) = body.Build(subject, $"You are getting this email because you said you were interested in {payload.SessionTitle} at {evt.Title}.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }

    protected abstract (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle);
}

public sealed class OpenSpaceSessionMovedEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.SessionMoved;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle) =>
        ($"Moved: {payload.SessionTitle}", "A session you are interested in has moved",
            $"{payload.SessionTitle} at {eventTitle} has moved. Here is where and when it is now.");
}

public sealed class OpenSpaceSessionMergedEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.SessionMerged;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle)
    {
        var into = payload.MergedIntoTitle ?? "another session";
        return ($"Merged: {payload.SessionTitle} is now part of {into}", "A session you are interested in has merged",
            $"{payload.SessionTitle} at {eventTitle} has been merged into {into}. Here is where and when it is now.");
    }
}

public sealed class ProceedingsFollowUpEmail : IEmailTemplate
{
    public string Name => ProceedingsEmailTemplates.FollowUp;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<FollowUpPayload>();
        var subject = $"Notes and materials from {evt.Title}";
        var body = new EmailBody()
            .Heading($"Thank you for coming to {evt.Title}")
            .Paragraph($"Dear {payload.RecipientName},")
            .Paragraph("The record of the day is now online: the sessions, the notes people took and the materials they shared.")
            .Details(("Event", evt.Title), ("When", EventTime.FormatRange(evt.StartUtc, evt.EndUtc, evt.TimeZoneId)),
                ("Materials", payload.MaterialCount switch { 0 => null, 1 => "1 file or link", var n => $"{n} files and links" }))
            .Link("Read the proceedings", context.Link(payload.ProceedingsPath));
        var (text, html) = body.Build(subject, $"You are getting this email because you were at {evt.Title}. Reply to this email to contact the organisers.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
