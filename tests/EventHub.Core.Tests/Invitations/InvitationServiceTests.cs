using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Invitations;

/// <summary>Administrators invite organisers by email, on a real database with real Identity and a real SMTP listener.</summary>
public sealed partial class InvitationServiceTests : IAsyncLifetime
{
    private const string BaseUrl = "https://events.devon.example";

    private CoreServices _core = default!;
    private InvitationService _invitations = default!;
    private Actor _ada = default!;
    private Actor _olive = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync(s => s.AddInvitations());
        _invitations = _core.Get<InvitationService>();
        var ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        var olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
        _olive = Actor.Organiser(olive.Id, olive.DisplayName);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task The_invitation_mail_carries_a_one_time_link_where_the_person_sets_a_password_and_becomes_an_organiser()
    {
        await using var smtp = await SmtpListener.StartAsync();
        var invited = await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", " dee@example.org ", IsAdministrator: false), Ct);
        invited.Succeeded.ShouldBeTrue(invited.Message);

        var token = await DeliverAndReadTokenAsync(smtp, "dee@example.org");
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBeGreaterThanOrEqualTo(16, "at least 128 random bits");
        await using (var db = _core.Database.CreateDbContext())
        {
            var row = await db.Set<Invitation>().SingleAsync(Ct);
            row.TokenHash.ShouldBe(SecureTokens.Hash(token));
            row.TokenHash.ShouldNotContain(token);
        }

        (await _invitations.FindAsync(token, Ct)).Value.ShouldBe(new InvitationView("Dee Door", "dee@example.org", false));
        var weak = await _invitations.AcceptAsync(token, "password1234", Ct);
        weak.Status.ShouldBe(OutcomeStatus.Invalid);
        weak.ErrorFor("Password").ShouldNotBeNull();
        (await _invitations.AcceptAsync(token, "short", Ct)).ErrorFor("Password").ShouldNotBeNull();

        var accepted = await _invitations.AcceptAsync(token, "plum garden kettle", Ct);

        accepted.Succeeded.ShouldBeTrue(accepted.Message);
        accepted.Value!.IsAdministrator.ShouldBeFalse();
        accepted.Value.DisplayName.ShouldBe("Dee Door");
        await using (var scope = _core.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
            var dee = await users.FindByEmailAsync("dee@example.org");
            dee.ShouldNotBeNull();
            (await users.CheckPasswordAsync(dee, "plum garden kettle")).ShouldBeTrue();
        }

        // Used once: the same link no longer finds or accepts anything, and the invitation is no longer listed.
        (await _invitations.FindAsync(token, Ct)).IsNotFound.ShouldBeTrue();
        (await _invitations.AcceptAsync(token, "another long password", Ct)).ErrorCode.ShouldBe(InvitationErrors.LinkNotValid.Code);
        (await _invitations.ListPendingAsync(_ada, Ct)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_can_invite_an_administrator()
    {
        await using var smtp = await SmtpListener.StartAsync();
        (await _invitations.InviteAsync(_ada, new InvitationInput("Abe Admin", "abe@example.org", IsAdministrator: true), Ct)).Succeeded.ShouldBeTrue();
        var token = await DeliverAndReadTokenAsync(smtp, "abe@example.org");

        var accepted = await _invitations.AcceptAsync(token, "plum garden kettle", Ct);

        accepted.Value!.IsAdministrator.ShouldBeTrue();
        (smtp.Received.Single().TextBody ?? string.Empty).ShouldContain("as an administrator");
    }

    [Fact]
    public async Task While_single_sign_on_is_required_an_organisers_invitation_mail_asks_them_to_join_with_it_and_an_administrators_still_to_set_a_password()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", "dee@example.org", IsAdministrator: false), Ct);
        await DeliverAndReadTokenAsync(smtp, "dee@example.org");
        (await _core.Get<SiteSignInPolicy>().SetSingleSignOnRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();
        var eve = await _invitations.InviteAsync(_ada, new InvitationInput("Eve Extra", "eve@example.org", IsAdministrator: false), Ct);
        await DeliverAndReadTokenAsync(smtp, "eve@example.org");
        await _invitations.InviteAsync(_ada, new InvitationInput("Amy Admin", "amy@example.org", IsAdministrator: true), Ct);
        await DeliverAndReadTokenAsync(smtp, "amy@example.org");

        var before = Bodies(smtp, "dee@example.org").ShouldHaveSingleItem();
        before.Text.ShouldContain("Set your password to finish.");
        before.Html.ShouldContain(">Set your password<");
        var organiser = Bodies(smtp, "eve@example.org").ShouldHaveSingleItem();
        organiser.Text.ShouldContain("Organisers sign in to EventHub with single sign-on, so you do not set a password.");
        organiser.Html.ShouldContain(">Join with single sign-on<");
        organiser.Text.ShouldContain("no account is made unless you sign in");
        organiser.Text.ShouldNotContain("Set your password");
        organiser.Html.ShouldNotContain("set the password");
        var administrator = Bodies(smtp, "amy@example.org").ShouldHaveSingleItem();
        administrator.Text.ShouldContain("as an administrator");
        administrator.Text.ShouldContain("Set your password to finish.");
        administrator.Text.ShouldNotContain("single sign-on");

        // Sent again after the rule is lifted, Eve's new mail asks for a password again.
        (await _core.Get<SiteSignInPolicy>().SetSingleSignOnRequiredAsync(_ada, false, Ct)).Succeeded.ShouldBeTrue();
        (await _invitations.ResendAsync(_ada, eve.Value!.Id, Ct)).Succeeded.ShouldBeTrue();
        await DeliverAndReadTokenAsync(smtp, "eve@example.org");
        Bodies(smtp, "eve@example.org")[^1].Text.ShouldContain("Set your password to finish.");
    }

    [Fact]
    public async Task Only_administrators_invite_list_send_again_and_withdraw()
    {
        var invited = await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", "dee@example.org", false), Ct);

        (await _invitations.InviteAsync(_olive, new InvitationInput("Eve", "eve@example.org", true), Ct)).IsForbidden.ShouldBeTrue();
        (await _invitations.ListPendingAsync(_olive, Ct)).IsForbidden.ShouldBeTrue();
        (await _invitations.ResendAsync(_olive, invited.Value!.Id, Ct)).IsForbidden.ShouldBeTrue();
        (await _invitations.RevokeAsync(_olive, invited.Value.Id, Ct)).IsForbidden.ShouldBeTrue();
        (await _invitations.InviteAsync(Actor.Anonymous, new InvitationInput("Eve", "eve@example.org", true), Ct)).IsForbidden.ShouldBeTrue();

        (await _invitations.ListPendingAsync(_ada, Ct)).Value!.Select(i => i.Email).ShouldBe(["dee@example.org"]);
        await using var db = _core.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(Ct)).ShouldBe(1, "only the administrator's invitation was mailed");
    }

    [Fact]
    public async Task Sending_again_makes_a_new_link_and_stops_the_old_one_and_withdrawing_stops_it_too()
    {
        await using var smtp = await SmtpListener.StartAsync();
        var invited = await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", "dee@example.org", false), Ct);
        var first = await DeliverAndReadTokenAsync(smtp, "dee@example.org");
        _core.Clock.Advance(TimeSpan.FromDays(6));

        var resent = await _invitations.ResendAsync(_ada, invited.Value!.Id, Ct);

        resent.Succeeded.ShouldBeTrue();
        resent.Value!.ExpiresUtc.ShouldBe(_core.Clock.GetUtcNow().UtcDateTime.AddDays(InvitationService.ValidDays));
        var second = await DeliverAndReadTokenAsync(smtp, "dee@example.org");
        second.ShouldNotBe(first);
        (await _invitations.FindAsync(first, Ct)).IsNotFound.ShouldBeTrue();
        (await _invitations.FindAsync(second, Ct)).Succeeded.ShouldBeTrue();

        (await _invitations.RevokeAsync(_ada, invited.Value.Id, Ct)).Succeeded.ShouldBeTrue();

        (await _invitations.FindAsync(second, Ct)).IsNotFound.ShouldBeTrue();
        (await _invitations.AcceptAsync(second, "plum garden kettle", Ct)).IsNotFound.ShouldBeTrue();
        (await _invitations.RevokeAsync(_ada, invited.Value.Id, Ct)).ErrorCode.ShouldBe(InvitationErrors.InvitationGone.Code);
        (await _invitations.ListPendingAsync(_ada, Ct)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_link_stops_working_after_seven_days_and_the_list_shows_it_expired()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", "dee@example.org", false), Ct);
        var token = await DeliverAndReadTokenAsync(smtp, "dee@example.org");

        _core.Clock.Advance(TimeSpan.FromDays(InvitationService.ValidDays).Add(TimeSpan.FromMinutes(1)));

        (await _invitations.FindAsync(token, Ct)).IsNotFound.ShouldBeTrue();
        (await _invitations.AcceptAsync(token, "plum garden kettle", Ct)).ErrorCode.ShouldBe(InvitationErrors.LinkNotValid.Code);
        (await _invitations.ListPendingAsync(_ada, Ct)).Value!.ShouldHaveSingleItem().IsExpired.ShouldBeTrue();
    }

    [Fact]
    public async Task An_expired_invitation_stays_listed_for_thirty_days_and_is_then_deleted_with_its_name_and_address()
    {
        await _invitations.InviteAsync(_ada, new InvitationInput("Eve Expired", "eve@example.org", false), Ct);
        _core.Clock.Advance(TimeSpan.FromDays(5));
        await _invitations.InviteAsync(_ada, new InvitationInput("Fay Fresher", "fay@example.org", false), Ct);

        // Eve's expired a moment more than thirty days ago; Fay's five days later, so it is kept.
        _core.Clock.Advance(TimeSpan.FromDays(InvitationService.ValidDays + InvitationService.KeptExpiredDays - 5).Add(TimeSpan.FromMinutes(1)));
        (await _invitations.ListPendingAsync(_ada, Ct)).Value!.Count.ShouldBe(2, "both expired, both still listed before the sweep");

        (await _invitations.PruneExpiredAsync(Ct)).ShouldBe(1);

        var left = (await _invitations.ListPendingAsync(_ada, Ct)).Value!;
        left.ShouldHaveSingleItem().DisplayName.ShouldBe("Fay Fresher");
        left[0].IsExpired.ShouldBeTrue();
        (await _invitations.PruneExpiredAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task An_address_that_is_already_an_organiser_or_already_invited_is_refused_and_a_bad_address_is_a_field_error()
    {
        (await _invitations.InviteAsync(_ada, new InvitationInput("Olive again", "OLIVE@example.org", false), Ct)).ErrorCode.ShouldBe(InvitationErrors.AlreadyAnOrganiser.Code);
        (await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", "dee@example.org", false), Ct)).Succeeded.ShouldBeTrue();
        var twice = await _invitations.InviteAsync(_ada, new InvitationInput("Dee D", "Dee@Example.org", false), Ct);
        twice.ErrorCode.ShouldBe(InvitationErrors.AlreadyInvited.Code);
        twice.ErrorFor("Email").ShouldBe(InvitationErrors.AlreadyInvited.Message);

        var invalid = await _invitations.InviteAsync(_ada, new InvitationInput(" ", "not-an-email", false), Ct);

        invalid.Status.ShouldBe(OutcomeStatus.Invalid);
        invalid.ErrorFor("DisplayName").ShouldBe("Enter a name");
        invalid.ErrorFor("Email").ShouldStartWith("Enter an email address in the correct format");
    }

    [Fact]
    public async Task Inviting_sending_again_withdrawing_and_accepting_are_in_the_security_log()
    {
        await using var smtp = await SmtpListener.StartAsync();
        var dee = await _invitations.InviteAsync(_ada, new InvitationInput("Dee Door", "dee@example.org", false), Ct);
        await _invitations.ResendAsync(_ada, dee.Value!.Id, Ct);
        var token = await DeliverAndReadTokenAsync(smtp, "dee@example.org");
        await _invitations.AcceptAsync(token, "plum garden kettle", Ct);
        var eve = await _invitations.InviteAsync(_ada, new InvitationInput("Eve Extra", "eve@example.org", true), Ct);
        await _invitations.RevokeAsync(_ada, eve.Value!.Id, Ct);

        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, null, 0, 50, Ct)).Value!.Items;

        log.ShouldContain(e => e.Action == SecurityAction.InvitationSent && e.ActorName == "Ada Admin" && e.Summary == "Invited Dee Door (dee@example.org) to join as an organiser");
        log.ShouldContain(e => e.Action == SecurityAction.InvitationResent && e.Summary.Contains("dee@example.org", StringComparison.Ordinal));
        log.ShouldContain(e => e.Action == SecurityAction.InvitationAccepted && e.ActorName == "Dee Door" && e.Summary.Contains("from Ada Admin", StringComparison.Ordinal));
        log.ShouldContain(e => e.Action == SecurityAction.InvitationSent && e.Summary == "Invited Eve Extra (eve@example.org) to join as an administrator");
        log.ShouldContain(e => e.Action == SecurityAction.InvitationRevoked && e.Summary == "Withdrew the invitation to Eve Extra (eve@example.org)");
        log.ShouldAllBe(e => !e.Summary.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>Delivers the outbox to the SMTP listener and reads the token from the newest invitation to that address.</summary>
    private async Task<string> DeliverAndReadTokenAsync(SmtpListener smtp, string to)
    {
        var delivery = EmailRig.DeliveryTo(smtp, _core.Database, _core.Clock, BaseUrl);
        await delivery.DeliverDueAsync(Ct);
        var mail = smtp.Received.Last(m => m.To.Mailboxes.Any(b => b.Address == to));
        mail.Subject.ShouldBe("You have been invited to organise events on EventHub");
        var match = LinkPattern().Match(mail.TextBody!);
        match.Success.ShouldBeTrue(mail.TextBody);
        (mail.HtmlBody ?? string.Empty).ShouldContain(match.Value);
        return match.Groups[1].Value;
    }

    private static List<(string Text, string Html)> Bodies(SmtpListener smtp, string to) =>
        smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == to)).Select(m => (m.TextBody ?? string.Empty, m.HtmlBody ?? string.Empty)).ToList();

    [GeneratedRegex(@"https://events\.devon\.example/account/invitation/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
