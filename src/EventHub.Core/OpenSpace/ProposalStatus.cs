using EventHub.Core.Events;

namespace EventHub.Core.OpenSpace;

public enum ProposalStatus
{
    Queued = 0,
    Placed = 1,
    Withdrawn = 2,
    Merged = 3,

    /// <summary>A walk-in pitch waiting for an organiser to let it into the queue.</summary>
    AwaitingModeration = 4,
}
