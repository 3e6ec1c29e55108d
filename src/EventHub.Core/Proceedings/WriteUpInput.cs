namespace EventHub.Core.Proceedings;

public sealed record WriteUpInput(string? AuthorName, string? Text, string? Url);
