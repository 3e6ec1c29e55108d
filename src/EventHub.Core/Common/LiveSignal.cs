namespace EventHub.Core.Common;

/// <summary>
/// "Something about event N changed": the one live signal that door counts, boards and places-left listen to.
/// Only ids and a topic travel, never object references, so an implementation can carry it between app nodes;
/// a listener reloads what it shows from the database.
/// </summary>
public sealed record LiveMessage(int EventId, string Topic);

/// <summary>Publish and subscribe per event. In-process by default (<see cref="InProcessLiveSignal"/>).</summary>
public interface ILiveSignal
{
    /// <summary>Tells every listener of the event. Call after the change has committed. Never blocks on listeners.</summary>
    void Publish(int eventId, string topic);

    /// <summary>Listens to one event's messages until the returned handle is disposed.</summary>
    IDisposable Subscribe(int eventId, Func<LiveMessage, Task> listener);
}

/// <summary>Topics published today. A listener may filter by topic or simply reload on any message.</summary>
public static class LiveTopics
{
    public const string CheckIn = "check-in";
    public const string Board = "board";
    public const string Places = "places";
}
