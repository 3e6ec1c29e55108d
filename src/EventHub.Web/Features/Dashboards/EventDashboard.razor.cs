using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Dashboards;

/// <summary>
/// The event dashboard: places and door as progress bars, the sell-out curve with the waiting list, and the
/// organisations. It follows the live signal (places, the waiting list and check-ins) so it moves during the day; a refusal (a Door
/// volunteer, a stranger) renders nothing, as the page around it already says what the reader may do.
/// </summary>
public sealed partial class EventDashboard : IDisposable
{
    private EventFigures? _figures;
    private IDisposable? _subscription;

    [Parameter, EditorRequired]
    public int EventId { get; set; }

    [Inject]
    private FiguresService Figures { get; set; } = default!;

    [Inject]
    private ILiveSignal Live { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Live.Subscribe(EventId, message => message.Topic is not (LiveTopics.Places or LiveTopics.Waiting or LiveTopics.CheckIn)
            ? Task.CompletedTask
            : InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
    }

    // Re-reads the actor each time, so someone taken off the team stops seeing the figures at the next change.
    private async Task LoadAsync() => _figures = (await Figures.ForEventAsync(await CurrentActor.GetAsync(), EventId)).Value;

    public void Dispose() => _subscription?.Dispose();
}
