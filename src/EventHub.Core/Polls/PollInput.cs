namespace EventHub.Core.Polls;

/// <summary>What an organiser types to create a poll. Times are wall-clock times in <see cref="TimeZoneId"/>.</summary>
public sealed class PollInput
{
    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = Common.EventTime.DefaultTimeZoneId;

    public DateTime? ClosesLocal { get; set; }

    public int? SeriesId { get; set; }

    public List<PollOptionInput> Options { get; set; } = [new(), new()];
}
