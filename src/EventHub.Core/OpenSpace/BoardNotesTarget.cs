namespace EventHub.Core.OpenSpace;

/// <summary>A session placed on the board, as the page that hands out its notes link names it.</summary>
public sealed record BoardNotesTarget(string Slug, string EventTitle, string SessionTitle);
