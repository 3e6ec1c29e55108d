using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.Polls.Emails;

/// <summary>
/// The link that makes a pending vote count. Anyone can type any address into a poll, so the mail names no one and
/// carries nothing the voter typed; it says what to do if the person did not vote.
/// </summary>
public sealed class PollConfirmVoteEmail : IEmailTemplate
{
    public string Name => PollTemplates.ConfirmVote;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<PollConfirmVotePayload>();
        var confirmUrl = context.Link(payload.ConfirmPath);
        var subject = $"Confirm your vote: {payload.PollTitle}";
        var (text, html) = new EmailBody()
            .Heading("Confirm your vote")
            .Paragraph($"Someone answered {payload.PollTitle} with this email address. The poll counts one vote per address, and this vote counts only once you confirm it.")
            .Paragraph($"Open the link and press the button to confirm, by {EventTime.FormatDateTime(payload.ExpiresUtc, payload.TimeZoneId)}. If you confirm a new vote, it replaces any earlier vote from this address.")
            .Link("Confirm your vote", confirmUrl)
            .Paragraph("If this was not you, do nothing: the vote is deleted when the link expires.")
            .Build(subject, $"You are getting this email because someone gave this address when answering {payload.PollTitle}.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
