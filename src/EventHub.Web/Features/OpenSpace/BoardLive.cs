using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.OpenSpace;

/// <summary>
/// Base for board pages that follow the live board: listens to the event's board signal once interactive and
/// reloads on the circuit's own thread, so every open browser sees a change within a moment.
/// </summary>
public abstract class BoardLive : ComponentBase, IDisposable
{
    private readonly BoardFollower _follower = new();

    [Inject]
    protected ILiveSignal Signal { get; set; } = default!;

    [Inject]
    protected BoardLayoutService Layout { get; set; } = default!;

    protected BoardView? Board { get; set; }

    protected abstract Task ReloadAsync();

    protected void Follow(int eventId) => _follower.Follow(Signal, eventId, RendererInfo.IsInteractive, () => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    }));

    /// <summary>Stops whatever else the page keeps running (a timer), when the page goes away.</summary>
    protected virtual void OnDisposing()
    {
    }

    public void Dispose()
    {
        _follower.Dispose();
        OnDisposing();
        GC.SuppressFinalize(this);
    }
}
