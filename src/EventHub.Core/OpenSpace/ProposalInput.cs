namespace EventHub.Core.OpenSpace;

/// <param name="CreditByName">The convener asks for their name to stay in the record after personal data is deleted.</param>
public sealed record ProposalInput(string? Title, string? ConvenerName, string? Description = null, bool CreditByName = false);
