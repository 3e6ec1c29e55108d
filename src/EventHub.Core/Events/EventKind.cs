namespace EventHub.Core.Events;

public enum EventKind
{
    /// <summary>A fixed agenda set by the organisers.</summary>
    Forum = 0,

    /// <summary>Participants make the agenda on the day.</summary>
    OpenSpace = 1,

    /// <summary>Fixed talks and open slots on one grid.</summary>
    Hybrid = 2,
}
