namespace EventHub.Core.Polls;

public enum PollStatus
{
    Open = 0,
    Finalised = 1,
}
