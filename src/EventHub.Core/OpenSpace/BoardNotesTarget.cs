namespace EventHub.Core.OpenSpace;

/// <summary>
/// A session placed on the board, as the page that hands out its notes link names it. <see cref="AlsoIn"/> names the
/// rooms where it also runs (an overflow room, or the session a copy overflows): each room keeps its own notes.
/// </summary>
public sealed record BoardNotesTarget(string Slug, string EventTitle, string SessionTitle, string Room, IReadOnlyList<string> AlsoIn);
