namespace EventHub.Core.Proceedings;

/// <summary>One session in the book of proceedings.</summary>
public sealed record ProceedingsSession(
    int SessionId, string Anchor, string Title, string? Convener, string? RoomName, DateTime StartUtc, DateTime EndUtc,
    string ConvenerHtml, string ParticipantsHtml, string KeyPointsHtml, string ActionsHtml, string LinksHtml,
    ProceedingsNotesText NotesText,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<WriteUpView> WriteUps)
{
    public bool HasNotes => KeyPointsHtml.Length + ActionsHtml.Length + LinksHtml.Length + ParticipantsHtml.Length > 0;
}
