namespace EventHub.Core.Proceedings;

/// <summary>The notes page: the session it belongs to and the Markdown as typed.</summary>
public sealed record NotesPage(
    int SessionId, int EventId, string EventSlug, string EventTitle, string TimeZoneId, string SessionTitle,
    string? RoomName, DateTime StartUtc, DateTime EndUtc,
    string Convener, string Participants, string KeyPoints, string Actions, string Links,
    bool HideConvenerName, int Revision, DateTime? LastSavedUtc, IReadOnlyList<MaterialView> Materials,
    long MaxUploadBytes, int MaxFilesPerSession = ProceedingsSettings.DefaultMaxFilesPerSession,
    int MaxFilesPerLink = ProceedingsSettings.DefaultMaxFilesPerLink);
