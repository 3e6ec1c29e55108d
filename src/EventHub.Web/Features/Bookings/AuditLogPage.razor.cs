using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Web.Features.Events.Organiser;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Bookings;

/// <summary>Who did what to an event's bookings and booking set-up, and when: for administrators.</summary>
public partial class AuditLogPage : OrganiserEventPage
{
    private Event? _event;
    private bool _mayRead;

    [Inject]
    private BookingAuditLog AuditLog { get; set; } = default!;

    [Inject]
    private EventHub.Core.Events.Access.EventAccess Access { get; set; } = default!;

    protected override async Task OnEventLoadedAsync(EventDetail detail)
    {
        _event = detail.Event;
        _mayRead = await Access.CheckAsync(Actor, detail.Event.Id, EventHub.Core.Events.Access.Permission.ReadAuditLog) is null;
    }

    // One page at a time from the server: a busy event's log runs to thousands of rows.
    private async Task<TableData<BookingAuditEntry>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await AuditLog.PageAsync(await CurrentActor.GetAsync(), new AuditLogQuery(Id, state.Page, state.PageSize), ct);
        return new TableData<BookingAuditEntry> { Items = page.Items, TotalItems = page.TotalCount };
    }
}
