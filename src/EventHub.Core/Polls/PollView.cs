namespace EventHub.Core.Polls;

/// <summary>What the public voting page shows.</summary>
public sealed record PollView(
    int Id, string Title, string DescriptionHtml, string Place, string TimeZoneId, DateTime? ClosesUtc,
    string PublicToken, PollStatus Status, int? ChosenOptionId, PollResults Results,
    string? VotingRefusalCode, string? VotingRefusalMessage)
{
    public bool IsAcceptingVotes => VotingRefusalCode is null;
}
