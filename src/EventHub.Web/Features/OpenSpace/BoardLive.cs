using EventHub.Core.OpenSpace;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.OpenSpace;

/// <summary>
/// Base for board pages that follow the live board: subscribes to the event's changes once interactive and
/// re-renders on the circuit's own thread, so every open browser sees a change within a moment.
/// </summary>
public abstract class BoardLive : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    protected BoardChanges Changes { get; set; } = default!;

    protected BoardView? Board { get; set; }

    protected abstract Task ReloadAsync();

    protected void Follow(int eventId)
    {
        if (_subscription is not null || !RendererInfo.IsInteractive)
        {
            return;
        }

        _subscription = Changes.Subscribe(eventId, change => _ = InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        }));
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
