using EventHub.Core.Events;

namespace EventHub.Core.Proceedings;

public enum WriteUpStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}
