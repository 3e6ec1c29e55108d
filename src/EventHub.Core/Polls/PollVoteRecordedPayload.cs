namespace EventHub.Core.Polls;

/// <summary>Payload of <see cref="PollTemplates.VoteRecorded"/>.</summary>
public sealed record PollVoteRecordedPayload
{
    public required string PollTitle { get; init; }

    /// <summary>Relative link to change the answers: <see cref="PollRoutes.ChangeAnswers"/>.</summary>
    public required string ChangeAnswersPath { get; init; }
}
