using EventHub.Core.Events;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Events.Organiser;

public partial class EventsPage
{
    private MudTable<EventListRow>? _table;
    private string _search = string.Empty;
    private EventStatus? _status;

    /// <summary>"joined" after an invited organiser set their password and was signed in.</summary>
    [SupplyParameterFromQuery(Name = "done")]
    private string? Done { get; set; }

    [Inject]
    private EventService Events { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    // The table asks for one page at a time, so thousands of events never load at once.
    private async Task<TableData<EventListRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var actor = await CurrentActor.GetAsync();
        var page = await Events.ListAsync(actor, new EventListQuery(_search, _status, state.Page, state.PageSize), ct);
        return new TableData<EventListRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
