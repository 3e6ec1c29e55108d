namespace EventHub.Core.Polls;

/// <summary>
/// What a voter gets back after voting: the private link token to change their answers; or, on a poll that confirms
/// votes by email, no token and <see cref="AwaitingConfirmation"/>: the vote counts once the mailed link is confirmed.
/// </summary>
public sealed record VoteReceipt(int VoterId, string EditToken, bool EmailQueued)
{
    public bool AwaitingConfirmation { get; init; }

    /// <summary>Until when the confirm link works (UTC), when <see cref="AwaitingConfirmation"/>.</summary>
    public DateTime? ConfirmBy { get; init; }
}
