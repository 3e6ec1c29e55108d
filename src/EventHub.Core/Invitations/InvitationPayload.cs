namespace EventHub.Core.Invitations;

/// <summary>What the invitation mail needs. The raw token lives only here (and in the sent mail); the row keeps its hash.</summary>
public sealed record InvitationPayload(string Token, string DisplayName, string InvitedByName, bool IsAdministrator, int ValidDays);
