using EventHub.Core.Events;

namespace EventHub.Core.OpenSpace;

public enum SessionHistoryKind
{
    Placed = 0,
    Moved = 1,
    MergedIn = 2,
    Pinned = 3,
    Unpinned = 4,

    /// <summary>An overflow room was opened for the session, or closed.</summary>
    Overflow = 5,
}
