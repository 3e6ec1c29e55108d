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

public sealed class PollOptionInput
{
    public DateTime? StartLocal { get; set; }

    public DateTime? EndLocal { get; set; }
}

/// <summary>What a voter sends: their name, an optional email, and one answer per option id.</summary>
public sealed class VoteInput
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public Dictionary<int, PollAnswer?> Answers { get; set; } = [];
}

/// <summary>The organiser's choice when finalising. Capacity defaults to the Yes and If need be answers for the option.</summary>
public sealed record FinaliseRequest(int PollId, int OptionId, int? Capacity = null);
