namespace EventHub.Core.Polls;

/// <summary>Payload of <see cref="PollTemplates.ConfirmVote"/>.</summary>
public sealed record PollConfirmVotePayload
{
    /// <summary>First, so the poll's messages can be found (and erased) without the tokens, which are not stored.</summary>
    public required int PollId { get; init; }

    public required string PollTitle { get; init; }

    /// <summary>Relative link to confirm the vote: <see cref="PollRoutes.ConfirmVote"/>.</summary>
    public required string ConfirmPath { get; init; }

    /// <summary>Until when the link works, in UTC; shown in the poll's time zone.</summary>
    public required DateTime ExpiresUtc { get; init; }

    public required string TimeZoneId { get; init; }
}
