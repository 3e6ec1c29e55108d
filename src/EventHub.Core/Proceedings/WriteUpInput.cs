namespace EventHub.Core.Proceedings;

/// <param name="CreditByName">The author asks for their name to stay in the record after personal data is deleted.</param>
public sealed record WriteUpInput(string? AuthorName, string? Text, string? Url, bool CreditByName = false);
