namespace EventHub.Core.Proceedings;

/// <summary>A session's notes as the convener wrote them (Markdown), for the downloadable book.</summary>
public sealed record ProceedingsNotesText(string Participants, string KeyPoints, string Actions, string Links);
