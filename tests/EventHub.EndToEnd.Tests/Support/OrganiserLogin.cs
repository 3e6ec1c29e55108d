namespace EventHub.EndToEnd.Tests.Support;

/// <summary>An organiser account a test made, with the password to sign in.</summary>
public sealed record OrganiserLogin(string DisplayName, string Email, string Password);
