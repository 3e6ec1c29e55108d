namespace EventHub.Core.Polls;

/// <summary>Payload of <see cref="PollTemplates.VoteRecorded"/>.</summary>
public sealed record PollVoteRecordedPayload
{
    /// <summary>First, so the poll's receipts can be found (and erased) without the tokens, which are not stored.</summary>
    public required int PollId { get; init; }

    public required string PollTitle { get; init; }

    /// <summary>Relative link to change the answers: <see cref="PollRoutes.ChangeAnswers"/>.</summary>
    public required string ChangeAnswersPath { get; init; }
}
