using EventHub.Core.Events;

namespace EventHub.Core.OpenSpace;

public enum SessionHistoryKind
{
    Placed = 0,
    Moved = 1,
    MergedIn = 2,
    Pinned = 3,
    Unpinned = 4,
}
