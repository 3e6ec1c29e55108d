namespace EventHub.Core.Polls;

/// <summary>One candidate date with its counts. <see cref="IsMostPopular"/> marks the option the rule picks.</summary>
public sealed record OptionResult(int OptionId, DateTime StartUtc, DateTime EndUtc, string Label, int Yes, int IfNeedBe, int No, bool IsMostPopular);

/// <summary>One voter's row in the results table. Emails are never part of it.</summary>
public sealed record VoterRow(int VoterId, string Name, bool HasDuplicateName, IReadOnlyDictionary<int, PollAnswer> Answers);

/// <summary>The results table: each voter's answers, counts per option, the most popular marked.</summary>
public sealed record PollResults(IReadOnlyList<OptionResult> Options, IReadOnlyList<VoterRow> Voters, bool PersonalDataDeleted)
{
    public int? MostPopularOptionId => Options.FirstOrDefault(o => o.IsMostPopular)?.OptionId;
}

/// <summary>What the public voting page shows.</summary>
public sealed record PollView(
    int Id, string Title, string DescriptionHtml, string Place, string TimeZoneId, DateTime? ClosesUtc,
    string PublicToken, PollStatus Status, int? ChosenOptionId, PollResults Results,
    string? VotingRefusalCode, string? VotingRefusalMessage)
{
    public bool IsAcceptingVotes => VotingRefusalCode is null;
}

/// <summary>
/// The private change-your-answers page: the poll plus this voter's answers, and once the event is published, the
/// voter's priority booking link (Yes / If need be voters only) so people who gave no email can still use it.
/// </summary>
public sealed record VoterBallot(
    PollView Poll, int VoterId, string Name, string Email, IReadOnlyDictionary<int, PollAnswer> Answers, string? PriorityBookingPath = null);

/// <summary>What a voter gets back after voting: the private link token to change their answers.</summary>
public sealed record VoteReceipt(int VoterId, string EditToken, bool EmailQueued);

public sealed record PollListRow(
    int Id, string Title, PollStatus Status, int OptionCount, int VoterCount, DateTime? ClosesUtc, string TimeZoneId,
    string PublicToken, int? EventId, DateTime CreatedUtc);

/// <summary>The organiser's view of one poll.</summary>
public sealed record PollDetail(PollView View, string? SeriesName, int? EventId, string? EventTitle, DateTime? FinalisedUtc, DateTime CreatedUtc);

/// <summary>The result of finalising: the poll and the draft event made from it.</summary>
public sealed record FinaliseReceipt(int PollId, int EventId, int OptionId);
