namespace EventHub.Core.Polls;

/// <summary>Which rule chose the most popular date when others had as many Yes answers (see <see cref="PollRules.TieBreak"/>).</summary>
public enum PollTieBreak
{
    /// <summary>No other date had as many Yes answers, or nothing is marked.</summary>
    None,

    /// <summary>Dates tied on Yes; the marked one has more If need be answers.</summary>
    MoreIfNeedBe,

    /// <summary>Dates tied on Yes and If need be; the marked one is the earliest.</summary>
    EarlierDate,
}
