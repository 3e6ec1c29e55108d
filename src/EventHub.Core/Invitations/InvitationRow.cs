namespace EventHub.Core.Invitations;

/// <summary>An invitation waiting for its answer, as administrators see it.</summary>
public sealed record InvitationRow(int Id, string DisplayName, string Email, bool IsAdministrator, string InvitedByName, DateTime SentUtc, DateTime ExpiresUtc, bool IsExpired);

/// <summary>What the person who opens an invitation link is shown.</summary>
/// <param name="UseSingleSignOn">Single sign-on is required and the invitation is not for an administrator: the person
/// joins by signing in through it, and sets no password.</param>
public sealed record InvitationView(string DisplayName, string Email, bool IsAdministrator, bool UseSingleSignOn = false);
