using EventHub.Core.Common;

namespace EventHub.Core.Invitations;

/// <summary>The refusals of organiser invitations: stable codes and the words people see.</summary>
public static class InvitationErrors
{
    public static readonly Refusal AdministratorsOnly = Refusal.Forbidden(ErrorCodes.Forbidden, "Only administrators can invite organisers.");

    /// <summary>Unknown, expired, revoked or used: the same words, so a guess learns nothing.</summary>
    public static readonly Refusal LinkNotValid = Refusal.NotFound("invitation_not_valid", "This invitation link is not valid. It may have expired or been withdrawn: ask an administrator to send it again.");

    public static readonly Refusal InvitationGone = Refusal.NotFound("invitation_gone", "We could not find that invitation. It may have been accepted or withdrawn.");

    public static readonly Refusal AlreadyAnOrganiser = Refusal.Conflict("already_organiser", "An organiser with this email address already exists");

    public static readonly Refusal AlreadyInvited = Refusal.Conflict("already_invited", "This address already has an invitation waiting. Send it again from the list of invitations instead");
}
