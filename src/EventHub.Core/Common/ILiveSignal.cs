namespace EventHub.Core.Common;

/// <summary>Publish and subscribe per event. In-process by default (<see cref="InProcessLiveSignal"/>).</summary>
public interface ILiveSignal
{
    /// <summary>Tells every listener of the event. Call after the change has committed. Never blocks on listeners.</summary>
    void Publish(int eventId, string topic);

    /// <summary>Listens to one event's messages until the returned handle is disposed.</summary>
    IDisposable Subscribe(int eventId, Func<LiveMessage, Task> listener);

    /// <summary>
    /// Listens to every event's messages (a node-wide cache that must forget what changed) until disposed. Site-wide
    /// messages (<see cref="LiveTopics.SiteWide"/>) are about no event and do not come here: subscribe to them by that id.
    /// </summary>
    IDisposable SubscribeAll(Func<LiveMessage, Task> listener);
}
