using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.Polls.Emails;

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
            .Paragraph($"Thank you for answering {payload.PollTitle}. We will email you when the organisers choose a date.")
            .Paragraph("You can change your answers until the poll closes. Do not share this link: anyone with it can change your answers.")
            .Link("Change your answers", changeUrl)
            .Build(subject, $"You are getting this email because you answered {payload.PollTitle} and gave this address. Reply to this email to contact the organisers.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
