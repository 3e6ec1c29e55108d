namespace EventHub.Core.Polls;

public sealed record PollListRow(
    int Id, string Title, PollStatus Status, int OptionCount, int VoterCount, DateTime? ClosesUtc, string TimeZoneId,
    string PublicToken, int? EventId, DateTime CreatedUtc);
