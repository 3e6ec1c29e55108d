namespace EventHub.Core.Proceedings;

/// <summary>What the follow-up email needs besides the event: links are relative to the public base URL.</summary>
public sealed record FollowUpPayload
{
    public required string RecipientName { get; init; }

    public required string ProceedingsPath { get; init; }

    public int MaterialCount { get; init; }
}
