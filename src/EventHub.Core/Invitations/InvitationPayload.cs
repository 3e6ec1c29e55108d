namespace EventHub.Core.Invitations;

/// <summary>
/// What the invitation mail needs. The raw token lives only here (and in the sent mail); the row keeps its hash.
/// <paramref name="SingleSignOnOnly"/>: the site required single sign-on of this person when the mail was queued, so it
/// asks them to join that way rather than to set a password (false in mails queued before it was known).
/// </summary>
public sealed record InvitationPayload(string Token, string DisplayName, string InvitedByName, bool IsAdministrator, int ValidDays, bool SingleSignOnOnly = false);
