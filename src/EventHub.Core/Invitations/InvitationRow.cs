namespace EventHub.Core.Invitations;

/// <summary>An invitation waiting for its answer, as administrators see it.</summary>
public sealed record InvitationRow(int Id, string DisplayName, string Email, bool IsAdministrator, string InvitedByName, DateTime SentUtc, DateTime ExpiresUtc, bool IsExpired);

/// <summary>What the person who opens an invitation link is shown.</summary>
public sealed record InvitationView(string DisplayName, string Email, bool IsAdministrator);
