namespace EventHub.Core.Organisers.Security;

/// <summary>How a password sign-in ended, as the sign-in page learnt it from Identity.</summary>
public enum SignInResultKind
{
    Succeeded,
    Failed,
    LockedOut,
    NotAllowed,
}
