namespace EventHub.Core.OpenSpace;

/// <summary>What the walk-in convener's notes-link message needs once their session is on the board.</summary>
public sealed record NotesLinkPayload
{
    public required string RecipientName { get; init; }

    public required string SessionTitle { get; init; }

    public required string Room { get; init; }

    public required DateTime StartUtc { get; init; }

    public required DateTime EndUtc { get; init; }

    public required string NotesToken { get; init; }
}
