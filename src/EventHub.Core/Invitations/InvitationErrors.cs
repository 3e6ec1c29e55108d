using EventHub.Core.Common;

namespace EventHub.Core.Invitations;

/// <summary>The refusals of organiser invitations: stable codes and the words people see.</summary>
public static class InvitationErrors
{
    public static readonly Refusal AdministratorsOnly = Refusal.Forbidden(ErrorCodes.Forbidden, "Only administrators can invite organisers. Ask an administrator to send the invitation.");

    /// <summary>Unknown, expired, revoked or used: the same words, so a guess learns nothing.</summary>
    public static readonly Refusal LinkNotValid = Refusal.NotFound("invitation_not_valid", "This invitation link is not valid. It may have expired or been withdrawn: ask an administrator to send it again.");

    public static readonly Refusal InvitationGone = Refusal.NotFound("invitation_gone", "We could not find that invitation: it may have been accepted or withdrawn. The list now shows the invitations still waiting; invite them again if you need to.");

    public static readonly Refusal AlreadyAnOrganiser = Refusal.Conflict("already_organiser", "An organiser with this email address already exists");

    /// <summary>Single sign-on by someone who is neither an organiser nor invited: nothing is made.</summary>
    public static readonly Refusal NotInvited = Refusal.Forbidden("sso_not_invited", "Your account is not an EventHub organiser account. Ask an administrator to invite your email address, then sign in again.");

    public static readonly Refusal EmailNotVerified = Refusal.Forbidden("sso_email_unverified",
        "Your sign-in provider has not confirmed that this email address is yours, so EventHub cannot use it. Confirm the address with your provider, or sign in with your email address and password.");

    public static readonly Refusal UseSingleSignOn = Refusal.Conflict("invitation_use_sso",
        "Organisers sign in to EventHub with single sign-on, so you do not set a password. Sign in with single sign-on using this email address to finish joining.");

    public static readonly Refusal SingleSignOnDisabled = Refusal.Forbidden("sso_disabled", "Your EventHub account is disabled. Ask an administrator if you think this is wrong.");

    public static readonly Refusal AlreadyInvited = Refusal.Conflict("already_invited", "This address already has an invitation waiting. Send it again from the list of invitations instead");
}
