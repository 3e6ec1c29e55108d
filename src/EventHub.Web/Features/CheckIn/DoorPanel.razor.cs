using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventHub.Web.Features.CheckIn;

/// <summary>The door itself: scan field, camera, result panel, undo, search and live counts.</summary>
public partial class DoorPanel
{
    private string _code = string.Empty;
    private string _search = string.Empty;
    private CheckInResult? _result;
    private string? _undoneName;
    private CheckInCounts? _counts;
    private PagedResult<DoorSearchRow>? _found;
    private IDisposable? _subscription;
    private DotNetObjectReference<DoorPanel>? _self;

    [Parameter, EditorRequired]
    public required Door Door { get; set; }

    [Parameter, EditorRequired]
    public int EventId { get; set; }

    /// <summary>The event's time zone: times at the door are shown as the clock on the wall says them.</summary>
    [Parameter]
    public string TimeZoneId { get; set; } = EventHub.Core.Common.EventTime.DefaultTimeZoneId;

    [Inject]
    private CheckInService CheckIn { get; set; } = default!;

    [Inject]
    private ILiveSignal Live { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    internal static string ResultClass(CheckInResult r) => r.Status switch
    {
        CheckInStatus.CheckedIn => "ok",
        CheckInStatus.AlreadyCheckedIn => "warning",
        _ => "error",
    };

    protected override async Task OnInitializedAsync()
    {
        await LoadCountsAsync();
        // Counts change only when a check-in or an undo commits, and each one publishes exactly one signal, also
        // this door's own: the signal is the one place counts reload, so a scan here reloads them once, not twice.
        _subscription = Live.Subscribe(EventId, message => message.Topic != LiveTopics.CheckIn ? Task.CompletedTask : InvokeAsync(async () =>
        {
            await LoadCountsAsync();
            StateHasChanged();
        }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            try
            {
                await Js.InvokeVoidAsync("eventHubCheckIn.attach", _self);
            }
            catch (JSException)
            {
                // The camera script is optional: the text field still works.
            }
        }
    }

    /// <summary>Called by wwwroot/js/checkin.js when the camera reads a QR code.</summary>
    [JSInvokable]
    public async Task ScannedAsync(string code)
    {
        _code = code;
        await ScanAsync();
        StateHasChanged();
    }

    private async Task LoadCountsAsync()
    {
        var counts = await CheckIn.CountsAsync(Door, EventId);
        _counts = counts.Value;
    }

    private async Task ScanAsync()
    {
        _result = await CheckIn.CheckInAsync(_code, Door, EventId);
        _undoneName = null;
        _code = string.Empty;
    }

    private async Task UndoAsync(int bookingId)
    {
        var undone = await CheckIn.UndoAsync(bookingId, Door, EventId);
        if (undone.Succeeded)
        {
            _undoneName = _result?.Name ?? string.Empty;
            _result = null;
        }
    }

    private async Task SearchAsync()
    {
        var outcome = await CheckIn.SearchAsync(Door, EventId, _search, 0, 20);
        _found = outcome.Value is { TotalCount: > 0 } || _search.Trim().Length > 0 ? outcome.Value : null;
    }

    private async Task CheckInFoundAsync(int bookingId)
    {
        _result = await CheckIn.CheckInBookingAsync(bookingId, Door, EventId);
        _undoneName = null;
        await SearchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_self is not null)
        {
            try
            {
                await Js.InvokeVoidAsync("eventHubCheckIn.detach");
            }
            catch (JSDisconnectedException)
            {
            }
            catch (JSException)
            {
            }

            _self.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
