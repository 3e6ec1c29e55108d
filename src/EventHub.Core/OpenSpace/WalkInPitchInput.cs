namespace EventHub.Core.OpenSpace;

/// <param name="CreditByName">The convener asks for their name to stay in the record after personal data is deleted.</param>
public sealed record WalkInPitchInput(string? ConvenerName, string? Title, string? Email = null, bool CreditByName = false);
