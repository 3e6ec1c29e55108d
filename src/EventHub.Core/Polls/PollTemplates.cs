namespace EventHub.Core.Polls;

/// <summary>Outbox template names the Polls feature enqueues. The Email feature renders them from the payloads below.</summary>
public static class PollTemplates
{
    /// <summary>Sent when a voter gives an email: the private link to change their answers.</summary>
    public const string VoteRecorded = "poll.vote-recorded";

    /// <summary>Sent when a vote on a poll that confirms votes by email waits: the link to confirm it.</summary>
    public const string ConfirmVote = "poll.confirm-vote";

    /// <summary>Sent when the event made from the poll is published: the date, an .ics invite, maybe a priority link.</summary>
    public const string EventPublished = "poll.event-published";
}
