namespace EventHub.Core.OpenSpace;

/// <summary>What a moved/merged message needs: the session as it was and as it is now.</summary>
public sealed record SessionChangedPayload
{
    public required int SessionId { get; init; }

    public required string SessionTitle { get; init; }

    public required string RecipientName { get; init; }

    public string? OldRoom { get; init; }

    public DateTime? OldStartUtc { get; init; }

    public string? NewRoom { get; init; }

    public DateTime? NewStartUtc { get; init; }

    public DateTime? NewEndUtc { get; init; }

    /// <summary>For a merge: the title of the session it now belongs to.</summary>
    public string? MergedIntoTitle { get; init; }
}
