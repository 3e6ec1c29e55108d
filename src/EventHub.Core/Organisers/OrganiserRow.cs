namespace EventHub.Core.Organisers;

public sealed record OrganiserRow(string Id, string DisplayName, string Email, bool IsAdministrator, bool IsLockedOut, bool IsDisabled, DateTime CreatedUtc, bool HasTwoStep = false, bool CanAnswerDataRequests = false);
