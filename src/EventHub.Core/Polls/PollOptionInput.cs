namespace EventHub.Core.Polls;

public sealed class PollOptionInput
{
    public DateTime? StartLocal { get; set; }

    public DateTime? EndLocal { get; set; }
}
