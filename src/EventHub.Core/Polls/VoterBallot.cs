namespace EventHub.Core.Polls;

/// <summary>
/// The private change-your-answers page: the poll plus this voter's answers, and once the event is published, the
/// voter's priority booking link (Yes / If need be voters only) so people who gave no email can still use it.
/// </summary>
public sealed record VoterBallot(
    PollView Poll, int VoterId, string Name, string Email, IReadOnlyDictionary<int, PollAnswer> Answers, string? PriorityBookingPath = null);
