namespace EventHub.Core.Polls;

/// <summary>The results table: each voter's answers, counts per option, the most popular marked.</summary>
public sealed record PollResults(IReadOnlyList<OptionResult> Options, IReadOnlyList<VoterRow> Voters, bool PersonalDataDeleted)
{
    public int? MostPopularOptionId => Options.FirstOrDefault(o => o.IsMostPopular)?.OptionId;

    /// <summary>Which rule broke a tie on Yes for the most popular date, so the page can say why it is marked.</summary>
    public PollTieBreak TieBreak { get; init; }
}
