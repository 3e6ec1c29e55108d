namespace EventHub.Core.Invitations;

/// <summary>Who to invite, and as what site role.</summary>
public sealed record InvitationInput(string DisplayName, string Email, bool IsAdministrator);
