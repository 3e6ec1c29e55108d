using EventHub.Core.Common;

namespace EventHub.Web.Features.OpenSpace;

/// <summary>
/// Follows one event's board signal for a page: once the page is interactive it subscribes, and on each board change
/// runs the page's reload on the circuit's own thread. The news room's announcements count as board changes: every
/// board view shows them. Shared by the pages that inherit <see cref="BoardLive"/> and
/// the facilitation board, which inherits the organiser pages' opening instead.
/// </summary>
public sealed class BoardFollower : IDisposable
{
    private IDisposable? _subscription;

    /// <param name="signal">The live signal.</param>
    /// <param name="eventId">The event whose board to follow.</param>
    /// <param name="isInteractive">Whether the page runs on a circuit (a prerender does not follow).</param>
    /// <param name="onChange">Reloads and re-renders the page, on the circuit's thread (the page's InvokeAsync).</param>
    public void Follow(ILiveSignal signal, int eventId, bool isInteractive, Func<Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (_subscription is not null || !isInteractive)
        {
            return;
        }

        _subscription = signal.Subscribe(eventId, message => message.Topic is LiveTopics.Board or LiveTopics.News ? onChange() : Task.CompletedTask);
    }

    public void Dispose() => _subscription?.Dispose();
}
