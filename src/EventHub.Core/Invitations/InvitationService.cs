using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Invitations.Emails;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Invitations;

/// <summary>
/// Administrators invite organisers by email: the mail carries a one-time link (160 random bits; only its hash is
/// stored) that works for <see cref="ValidDays"/> days, where the person sets their own password under the same rules
/// as everyone's. Invitations can be sent again (a new link; the old one stops) or revoked. The invitation, its mail
/// and its security log entry are written in one transaction.
/// </summary>
public sealed class InvitationService(IServiceScopeFactory scopes, IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public const int ValidDays = 7;

    /// <summary>
    /// How long an expired invitation stays on the administrators' list (marked expired, so it can be sent again)
    /// before the retention sweep deletes it with the name and address it holds.
    /// </summary>
    public const int KeptExpiredDays = 30;

    public async Task<Outcome<InvitationRow>> InviteAsync(Actor actor, InvitationInput input, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<InvitationRow>.Forbidden(InvitationErrors.AdministratorsOnly);
        }

        var errors = OrganiserAccounts.ValidateNameAndEmail(input.DisplayName, input.Email);
        if (errors.Count > 0)
        {
            return Outcome<InvitationRow>.Invalid(errors);
        }

        var email = input.Email.Trim();
        var normalised = EmailAddresses.Normalise(email);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Outcome<InvitationRow>.Refused(InvitationErrors.AlreadyAnOrganiser, nameof(InvitationInput.Email));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Invitation>().AnyAsync(i => i.NormalizedEmail == normalised, ct))
        {
            return Outcome<InvitationRow>.Refused(InvitationErrors.AlreadyInvited, nameof(InvitationInput.Email));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecureTokens.New();
        var invitation = new Invitation
        {
            DisplayName = input.DisplayName.Trim(),
            Email = email,
            NormalizedEmail = normalised,
            IsAdministrator = input.IsAdministrator,
            TokenHash = SecureTokens.Hash(token),
            SentUtc = now,
            ExpiresUtc = now.AddDays(ValidDays),
            InvitedById = actor.UserId,
            InvitedByName = Texts.Truncate(actor.DisplayName, 200),
        };
        db.Add(invitation);
        Mail(db, invitation, token, await SingleSignOnOnlyAsync(invitation.IsAdministrator, ct), now);
        SecurityAudit.Add(db, SecurityAction.InvitationSent, actor,
            $"Invited {invitation.DisplayName} ({invitation.Email}) to join as {Role(invitation.IsAdministrator)}", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another administrator invited the same address at the same moment.
            return Outcome<InvitationRow>.Refused(InvitationErrors.AlreadyInvited, nameof(InvitationInput.Email));
        }

        return Outcome<InvitationRow>.Ok(Row(invitation, now));
    }

    /// <summary>Invitations not yet accepted or revoked, expired ones too (they can be sent again); administrators only.</summary>
    public async Task<Outcome<IReadOnlyList<InvitationRow>>> ListPendingAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<IReadOnlyList<InvitationRow>>.Forbidden(InvitationErrors.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Invitation>().AsNoTracking().OrderBy(i => i.DisplayName).ThenBy(i => i.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<InvitationRow>>.Ok(rows.Select(i => Row(i, now)).ToList());
    }

    /// <summary>
    /// For the retention sweep: deletes invitations that expired more than <see cref="KeptExpiredDays"/> days ago,
    /// nobody having sent them again (accepted and withdrawn ones are deleted at once). Returns how many went.
    /// </summary>
    public async Task<int> PruneExpiredAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-KeptExpiredDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Invitation>().Where(i => i.ExpiresUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>A new link, valid for another <see cref="ValidDays"/> days, in a new mail; the old link stops working.</summary>
    public async Task<Outcome<InvitationRow>> ResendAsync(Actor actor, int invitationId, CancellationToken ct = default)
    {
        // The new mail is worded by the site's rule as it is now (read before the change, which takes no awaits).
        var organiserSingleSignOnOnly = await SingleSignOnOnlyAsync(isAdministrator: false, ct);
        var administratorSingleSignOnOnly = await SingleSignOnOnlyAsync(isAdministrator: true, ct);
        return await ChangeAsync(actor, invitationId, (db, invitation, now) =>
        {
            var token = SecureTokens.New();
            invitation.TokenHash = SecureTokens.Hash(token);
            invitation.SentUtc = now;
            invitation.ExpiresUtc = now.AddDays(ValidDays);
            Mail(db, invitation, token, invitation.IsAdministrator ? administratorSingleSignOnOnly : organiserSingleSignOnOnly, now);
            SecurityAudit.Add(db, SecurityAction.InvitationResent, actor,
                $"Sent the invitation to {invitation.DisplayName} ({invitation.Email}) again (the earlier link stopped working)", now);
        }, ct);
    }

    /// <summary>Withdraws the invitation: its link stops working.</summary>
    public Task<Outcome<InvitationRow>> RevokeAsync(Actor actor, int invitationId, CancellationToken ct = default) =>
        ChangeAsync(actor, invitationId, (db, invitation, now) =>
        {
            db.Remove(invitation);
            SecurityAudit.Add(db, SecurityAction.InvitationRevoked, actor, $"Withdrew the invitation to {invitation.DisplayName} ({invitation.Email})", now);
        }, ct);

    /// <summary>An administrator's change to one waiting invitation, saved with its security log entry.</summary>
    private async Task<Outcome<InvitationRow>> ChangeAsync(Actor actor, int invitationId, Action<EventHubDbContext, Invitation, DateTime> change, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<InvitationRow>.Forbidden(InvitationErrors.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return Outcome<InvitationRow>.NotFound(InvitationErrors.InvitationGone);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        change(db, invitation, now);
        await db.SaveChangesAsync(ct);
        return Outcome<InvitationRow>.Ok(Row(invitation, now));
    }

    /// <summary>The invitation behind a link, if it still works (not expired, revoked or used).</summary>
    public async Task<Outcome<InvitationView>> FindAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await WithTokenAsync(db, token, ct);
        return invitation is null
            ? Outcome<InvitationView>.NotFound(InvitationErrors.LinkNotValid)
            : Outcome<InvitationView>.Ok(new InvitationView(invitation.DisplayName, invitation.Email, invitation.IsAdministrator,
                await SingleSignOnOnlyAsync(invitation.IsAdministrator, ct)));
    }

    /// <summary>
    /// Makes the organiser account with the password the person chose and uses the invitation up, in one transaction:
    /// of two tabs posting the same link, one account is made.
    /// </summary>
    public async Task<Outcome<Organiser>> AcceptAsync(string? token, string? password, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        // SQLite begins this as IMMEDIATE (one writer): a second accept waits, then finds the invitation gone.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await WithTokenAsync(db, token, ct);
        if (invitation is null)
        {
            return Outcome<Organiser>.NotFound(InvitationErrors.LinkNotValid);
        }

        if (await SingleSignOnOnlyAsync(invitation.IsAdministrator, ct))
        {
            // A password they could never sign in with: they join through single sign-on, which uses the invitation up.
            return Outcome<Organiser>.Refused(InvitationErrors.UseSingleSignOn);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Outcome<Organiser> created;
        try
        {
            created = await OrganiserAccounts.CreateAsync(users, new OrganiserInput(invitation.DisplayName, invitation.Email, password ?? string.Empty, invitation.IsAdministrator), now);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Outcome<Organiser>.Refused(InvitationErrors.AlreadyAnOrganiser);
        }

        if (!created.Succeeded)
        {
            // Only the password is the person's to put right; anything else (the address taken meanwhile) is a refusal.
            var passwordErrors = created.Errors.Where(e => e.Field == nameof(OrganiserInput.Password)).ToList();
            return passwordErrors.Count > 0 ? Outcome<Organiser>.Invalid(passwordErrors) : Outcome<Organiser>.Refused(InvitationErrors.AlreadyAnOrganiser);
        }

        var organiser = created.Value!;
        db.Remove(invitation);
        SecurityAudit.Add(db, SecurityAction.InvitationAccepted, Actor.Organiser(organiser.Id, organiser.DisplayName, organiser.IsAdministrator),
            $"Accepted the invitation from {invitation.InvitedByName} and set a password: {organiser.DisplayName} ({organiser.Email}) joined as {Role(organiser.IsAdministrator)}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created;
    }

    /// <summary>Whether the invited person could only sign in by single sign-on, never with a password (the site's rule).</summary>
    private async Task<bool> SingleSignOnOnlyAsync(bool isAdministrator, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<SiteSignInPolicy>().AllowsSignInAsync(isAdministrator, bySingleSignOn: false, ct);
    }

    private async Task<Invitation?> WithTokenAsync(EventHubDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecureTokens.Hash(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash && i.ExpiresUtc > now, ct);
    }

    private static void Mail(EventHubDbContext db, Invitation invitation, string token, bool singleSignOnOnly, DateTime now) =>
        Outbox.Enqueue(db, InvitationEmail.TemplateName, invitation.Email, invitation.DisplayName,
            new InvitationPayload(token, invitation.DisplayName, invitation.InvitedByName, invitation.IsAdministrator, ValidDays, singleSignOnOnly), now);

    private static string Role(bool isAdministrator) => isAdministrator ? "an administrator" : "an organiser";

    private static InvitationRow Row(Invitation i, DateTime now) =>
        new(i.Id, i.DisplayName, i.Email, i.IsAdministrator, i.InvitedByName, i.SentUtc, i.ExpiresUtc, i.ExpiresUtc <= now);
}
