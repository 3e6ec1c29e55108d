namespace EventHub.Core.Polls;

/// <summary>What a voter sends: their name, an optional email, and one answer per option id.</summary>
public sealed class VoteInput
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public Dictionary<int, PollAnswer?> Answers { get; set; } = [];
}
