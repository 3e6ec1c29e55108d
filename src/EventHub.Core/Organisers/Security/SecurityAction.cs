namespace EventHub.Core.Organisers.Security;

/// <summary>What a security log entry records. Stored by name, so entries stay readable if the list grows.</summary>
public enum SecurityAction
{
    SignedIn,
    SignInFailed,
    SignInLockedOut,
    SetupCompleted,
    OrganiserAdded,
    OrganiserDisabled,
    OrganiserEnabled,
    OrganiserRemoved,
    SiteRoleChanged,
    OrganiserUnlocked,
    TeamMemberAdded,
    TeamRoleChanged,
    TeamMemberRemoved,
    NeedsExported,
    MailWithLinksRead,
    DoorLinkCreated,
    DoorLinkRevoked,
    EventCancelled,
    PersonErased,
    TwoStepTurnedOn,
    TwoStepTurnedOff,
    RecoveryCodesRenewed,
    InvitationSent,
    InvitationResent,
    InvitationRevoked,
    InvitationAccepted,
    TwoStepRequirementChanged,
    TwoStepReset,
}
