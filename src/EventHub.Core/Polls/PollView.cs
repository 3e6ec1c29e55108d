namespace EventHub.Core.Polls;

/// <summary>What the public voting page shows.</summary>
public sealed record PollView(
    int Id, string Title, string DescriptionHtml, string Place, string TimeZoneId, DateTime? ClosesUtc,
    string PublicToken, PollStatus Status, int? ChosenOptionId, PollResults Results,
    string? VotingRefusalCode, string? VotingRefusalMessage)
{
    public bool IsAcceptingVotes => VotingRefusalCode is null;

    /// <summary>One vote per email address, confirmed by a mailed link (<see cref="Poll.ConfirmVotesByEmail"/>).</summary>
    public bool ConfirmVotesByEmail { get; init; }

    /// <summary>Votes waiting for their confirm link: not counted or shown; the organiser sees how many.</summary>
    public int PendingVotes { get; init; }
}
