using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;

namespace EventHub.Core.Invitations.Emails;

/// <summary>
/// "You have been invited to run events": the one-time link to set a password or, while the site requires single sign-on
/// of the invited person, to join with single sign-on (worded by the rule when the mail was queued).
/// </summary>
public sealed class InvitationEmail : IEmailTemplate
{
    public const string TemplateName = "organisers.invitation";

    public string Name => TemplateName;

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var payload = context.Payload<InvitationPayload>();
        var role = payload.IsAdministrator ? "an administrator" : "an organiser";
        const string subject = "You have been invited to organise events on EventHub";
        var body = new EmailBody()
            .Heading("You have been invited to EventHub")
            .Paragraph($"{payload.InvitedByName} has invited you, {payload.DisplayName}, to join EventHub as {role}.");
        var (text, html) = payload.SingleSignOnOnly
            ? body
                .Paragraph("Organisers sign in to EventHub with single sign-on, so you do not set a password. Open the link and sign in "
                    + $"with single sign-on using this email address to finish joining. The invitation lasts {payload.ValidDays} days.")
                .Link("Join with single sign-on", context.Link(InvitationRoutes.Accept(payload.Token)))
                .Paragraph("If you did not expect this, ignore this email: no account is made unless you sign in.")
                .Build(subject, "Sent because an EventHub administrator invited this address. Do not forward it.")
            : body
                .Paragraph($"Set your password to finish. The link works once, for {payload.ValidDays} days.")
                .Link("Set your password", context.Link(InvitationRoutes.Accept(payload.Token)))
                .Paragraph("If you did not expect this, ignore this email: no account is made unless you set a password.")
                .Build(subject, "Sent because an EventHub administrator invited this address. Do not forward it: the link lets whoever has it set the password.");
        return Task.FromResult(new RenderedEmail { Subject = subject, Text = text, Html = html });
    }
}
