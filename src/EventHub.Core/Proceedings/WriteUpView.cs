namespace EventHub.Core.Proceedings;

public sealed record WriteUpView(int Id, int SessionId, string SessionTitle, string AuthorName, string TextHtml, string Text, string Url, WriteUpStatus Status, DateTime CreatedUtc);
