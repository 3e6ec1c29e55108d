namespace EventHub.Core.Polls;

public enum PollAnswer
{
    No = 0,
    IfNeedBe = 1,
    Yes = 2,
}
