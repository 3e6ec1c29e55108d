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
