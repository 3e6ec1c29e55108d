namespace EventHub.Core.Proceedings;

/// <summary>What the notes form holds. <see cref="BaseRevision"/> is the revision the editor started from.</summary>
public sealed record NotesInput
{
    public string? Convener { get; init; }

    public string? Participants { get; init; }

    public bool ParticipantsConsented { get; init; }

    public string? KeyPoints { get; init; }

    public string? Actions { get; init; }

    public string? Links { get; init; }

    public int? BaseRevision { get; init; }
}

public sealed record NotesSaved(int Revision, DateTime SavedUtc);

/// <summary>The notes page: the session it belongs to, the Markdown as typed and the private link's token.</summary>
public sealed record NotesPage(
    int SessionId, int EventId, string EventSlug, string EventTitle, string TimeZoneId, string SessionTitle,
    string? RoomName, DateTime StartUtc, DateTime EndUtc, string EditToken,
    string Convener, string Participants, string KeyPoints, string Actions, string Links,
    bool HideConvenerName, int Revision, DateTime? LastSavedUtc, IReadOnlyList<MaterialView> Materials,
    long MaxUploadBytes);

public sealed record MaterialView(
    int Id, int SessionId, MaterialKind Kind, string Title, string Url, string OriginalName, string ContentType,
    long SizeBytes, bool IsHidden, DateTime CreatedUtc)
{
    public static MaterialView From(Material m) =>
        new(m.Id, m.SessionId, m.Kind, m.Title, m.Url, m.OriginalName, m.ContentType, m.SizeBytes, m.IsHidden, m.CreatedUtc);
}

/// <summary>A file ready to send: open the stream, send with these headers, dispose.</summary>
public sealed record MaterialDownload(string FullPath, string ContentType, string DownloadName, long SizeBytes)
{
    public string ContentDisposition => ProceedingsRules.ContentDisposition(DownloadName);
}

public sealed record WriteUpInput(string? AuthorName, string? Text, string? Url);

/// <summary>A session's public page: its description and approved write-ups (text already sanitised HTML).</summary>
public sealed record PublicSessionPage(
    string EventSlug, string EventTitle, string TimeZoneId, int SessionId, string Title, string DescriptionHtml,
    string? RoomName, DateTime StartUtc, DateTime EndUtc, IReadOnlyList<WriteUpView> WriteUps);

public sealed record WriteUpView(int Id, int SessionId, string SessionTitle, string AuthorName, string TextHtml, string Url, WriteUpStatus Status, DateTime CreatedUtc);

/// <summary>One session in the book of proceedings.</summary>
public sealed record ProceedingsSession(
    int SessionId, string Anchor, string Title, string? Convener, string? RoomName, DateTime StartUtc, DateTime EndUtc,
    string ConvenerHtml, string ParticipantsHtml, string KeyPointsHtml, string ActionsHtml, string LinksHtml,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<WriteUpView> WriteUps)
{
    public bool HasNotes => KeyPointsHtml.Length + ActionsHtml.Length + LinksHtml.Length + ParticipantsHtml.Length > 0;
}

public sealed record ProceedingsBook(
    int EventId, string EventSlug, string EventTitle, string SummaryHtml, string TimeZoneId, DateTime StartUtc,
    bool IsPublished, DateTime? PublishedUtc, IReadOnlyList<ProceedingsSession> Sessions);

public sealed record ArchiveHit(
    int SessionId, string SessionTitle, string EventTitle, string EventSlug, string TimeZoneId, DateTime StartUtc,
    bool ProceedingsPublished, int MaterialCount);

public sealed record ArchiveEdition(
    int EventId, string Title, string Slug, string Summary, string TimeZoneId, DateTime StartUtc,
    bool ProceedingsPublished, int SessionCount, int MaterialCount, int WriteUpCount);

/// <summary>Outbox template names for the record of the day (rendered by the Email feature).</summary>
public static class ProceedingsEmailTemplates
{
    public const string FollowUp = "proceedings.follow-up";
}

/// <summary>What the follow-up email needs besides the event: links are relative to the public base URL.</summary>
public sealed record FollowUpPayload
{
    public required string RecipientName { get; init; }

    public required string ProceedingsPath { get; init; }

    public int MaterialCount { get; init; }
}
