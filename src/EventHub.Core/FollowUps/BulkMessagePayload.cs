namespace EventHub.Core.FollowUps;

/// <summary>The payload of one copy of a bulk email: the message itself is the <see cref="BulkEmail"/> row.</summary>
public sealed record BulkMessagePayload
{
    public required int BulkEmailId { get; init; }

    public required string ManageToken { get; init; }

    public required string AttendeeName { get; init; }
}
