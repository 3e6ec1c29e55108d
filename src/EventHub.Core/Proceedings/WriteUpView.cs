namespace EventHub.Core.Proceedings;

/// <param name="Link">Only in the answer to sending it: the token of the author's own link, shown once (only its hash is kept).</param>
public sealed record WriteUpView(int Id, int SessionId, string SessionTitle, string AuthorName, string TextHtml, string Text, string Url, WriteUpStatus Status, DateTime CreatedUtc,
    string? Link = null);
