using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Invitations;

/// <summary>
/// Sign-in through the organisation's OpenID Connect provider, by the email address it vouches for: an organiser with
/// that address is signed in; someone unknown becomes an organiser only if an administrator invited that address (the
/// invitation is used up and no password is set); anyone else gets nothing made. An address the provider says it has
/// not verified (<c>email_verified</c> false) is refused before anything else: anyone can put any address on an
/// unverified account. Every outcome is in the security log.
/// </summary>
public sealed class SingleSignOn(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<Outcome<Organiser>> SignInAsync(string? email, bool emailVerified, string provider, string? clientAddress, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        if (!emailVerified)
        {
            // The address is not stored: nobody has shown it is theirs.
            return await RefuseAsync(db, new Actor(null, "Unknown account", false, false),
                $"Single sign-on ({provider}) refused: the provider has not verified the email address; nothing was made", InvitationErrors.EmailNotVerified, clientAddress, ct);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var address = (email ?? string.Empty).Trim();
        if (address.Length > 0 && await users.FindByEmailAsync(address) is { } known)
        {
            var actor = Actor.Organiser(known.Id, known.DisplayName, known.IsAdministrator);
            if (known.IsDisabled)
            {
                return await RefuseAsync(db, actor, $"Single sign-on ({provider}) refused: the account is disabled", InvitationErrors.SingleSignOnDisabled, clientAddress, ct);
            }

            db.Add(SecurityAudit.Entry(SecurityAction.SignedIn, actor, $"Signed in with single sign-on ({provider})", now, clientAddress: clientAddress));
            await db.SaveChangesAsync(ct);
            return Outcome<Organiser>.Ok(known);
        }

        // SQLite begins this as IMMEDIATE (one writer): of two first sign-ins at once, the second finds the invitation gone.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var normalised = EmailAddresses.Normalise(address);
        var invitation = address.Length == 0 ? null
            : await db.Set<Invitation>().FirstOrDefaultAsync(i => i.NormalizedEmail == normalised && i.ExpiresUtc > now, ct);
        if (invitation is null)
        {
            // The address is not stored: it belongs to someone who is not (yet) an organiser.
            return await RefuseAsync(db, new Actor(null, "Unknown account", false, false),
                $"Single sign-on ({provider}) refused: no organiser or invitation has that address; nothing was made", InvitationErrors.NotInvited, clientAddress, ct);
        }

        var created = await OrganiserAccounts.CreateAsync(users, new OrganiserInput(invitation.DisplayName, invitation.Email, string.Empty, invitation.IsAdministrator), now, withPassword: false);
        if (!created.Succeeded)
        {
            return Outcome<Organiser>.Refused(InvitationErrors.AlreadyAnOrganiser);
        }

        var organiser = created.Value!;
        db.Remove(invitation);
        db.Add(SecurityAudit.Entry(SecurityAction.InvitationAccepted, Actor.Organiser(organiser.Id, organiser.DisplayName, organiser.IsAdministrator),
            $"Accepted the invitation from {invitation.InvitedByName} by single sign-on ({provider}): {organiser.DisplayName} ({organiser.Email}) joined", now, clientAddress: clientAddress));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created;
    }

    private async Task<Outcome<Organiser>> RefuseAsync(EventHubDbContext db, Actor actor, string summary, Refusal refusal, string? clientAddress, CancellationToken ct)
    {
        db.Add(SecurityAudit.Entry(SecurityAction.SignInFailed, actor, summary, clock.GetUtcNow().UtcDateTime, clientAddress: clientAddress));
        await db.SaveChangesAsync(ct);
        // The refusal of an unknown address comes inside the transaction that looked for an invitation: keep its entry.
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(ct);
        }

        return Outcome<Organiser>.Refused(refusal);
    }
}
