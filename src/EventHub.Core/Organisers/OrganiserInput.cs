namespace EventHub.Core.Organisers;

public sealed record OrganiserInput(string DisplayName, string Email, string Password, bool IsAdministrator);
