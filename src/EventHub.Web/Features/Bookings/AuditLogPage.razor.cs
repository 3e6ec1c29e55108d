using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Bookings;

/// <summary>Who did what to an event's bookings and booking set-up, and when: for administrators.</summary>
public partial class AuditLogPage
{
    private Event? _event;
    private bool _isAdministrator;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private BookingAuditLog AuditLog { get; set; } = default!;

    [Inject]
    private EventService Events { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var detail = await Events.GetAsync(actor, Id);
        if (detail is null)
        {
            Navigation.NotFound();
            return;
        }

        _event = detail.Event;
        _isAdministrator = actor.IsAdministrator;
    }

    // One page at a time from the server: a busy event's log runs to thousands of rows.
    private async Task<TableData<BookingAuditEntry>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await AuditLog.PageAsync(await CurrentActor.GetAsync(), new AuditLogQuery(Id, state.Page, state.PageSize), ct);
        return new TableData<BookingAuditEntry> { Items = page.Items, TotalItems = page.TotalCount };
    }
}
