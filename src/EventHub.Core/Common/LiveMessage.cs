namespace EventHub.Core.Common;

/// <summary>
/// "Something about event N changed": the one live signal that door counts, boards and places-left listen to.
/// Only ids and a topic travel, never object references, so an implementation can carry it between app nodes;
/// a listener reloads what it shows from the database.
/// </summary>
public sealed record LiveMessage(int EventId, string Topic)
{
    /// <summary>About the whole site (<see cref="LiveTopics.SiteWide"/>), not one event: only its own listeners hear it.</summary>
    public bool IsSiteWide => EventId == LiveTopics.SiteWide;
}
