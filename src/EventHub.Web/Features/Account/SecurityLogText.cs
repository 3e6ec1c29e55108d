using EventHub.Core.Organisers.Security;

namespace EventHub.Web.Features.Account;

/// <summary>The words the security log page uses for each kind of entry.</summary>
public static class SecurityLogText
{
    public static string Describe(SecurityAction action) => action switch
    {
        SecurityAction.SignedIn => "Signed in",
        SecurityAction.SignInFailed => "Sign-in failed",
        SecurityAction.SignInLockedOut => "Sign-in refused (locked)",
        SecurityAction.SetupCompleted => "First-run setup",
        SecurityAction.OrganiserAdded => "Organiser added",
        SecurityAction.OrganiserDisabled => "Organiser disabled",
        SecurityAction.OrganiserEnabled => "Organiser re-enabled",
        SecurityAction.OrganiserRemoved => "Organiser removed",
        SecurityAction.SiteRoleChanged => "Site role changed",
        SecurityAction.DataRequestsPermissionChanged => "Permission to answer data requests changed",
        SecurityAction.OrganiserUnlocked => "Account unlocked",
        SecurityAction.TeamMemberAdded => "Added to a team",
        SecurityAction.TeamRoleChanged => "Team role changed",
        SecurityAction.TeamMemberRemoved => "Removed from a team",
        SecurityAction.NeedsExported => "Needs exported",
        SecurityAction.MailWithLinksRead => "Outgoing mail read",
        SecurityAction.DoorLinkCreated => "Door link made",
        SecurityAction.DoorLinkRevoked => "Door link revoked",
        SecurityAction.EventCancelled => "Event cancelled",
        SecurityAction.PersonErased => "Personal data erased",
        SecurityAction.TwoStepTurnedOn => "Two-step sign-in on",
        SecurityAction.TwoStepTurnedOff => "Two-step sign-in off",
        SecurityAction.RecoveryCodesRenewed => "Recovery codes renewed",
        SecurityAction.InvitationSent => "Invitation sent",
        SecurityAction.InvitationResent => "Invitation sent again",
        SecurityAction.InvitationRevoked => "Invitation withdrawn",
        SecurityAction.InvitationAccepted => "Invitation accepted",
        SecurityAction.TwoStepRequirementChanged => "Two-step requirement changed",
        SecurityAction.TwoStepReset => "Two-step sign-in reset",
        SecurityAction.PasswordSet => "Password set",
        SecurityAction.SingleSignOnRequirementChanged => "Single sign-on requirement changed",
        _ => action.ToString(),
    };
}
