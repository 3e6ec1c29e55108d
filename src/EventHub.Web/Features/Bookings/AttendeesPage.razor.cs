using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Bookings;

public partial class AttendeesPage
{
    private MudTable<AttendeeRow>? _table;
    private AttendeeCounts? _counts;
    private IReadOnlyList<TicketType> _ticketTypes = [];
    private string _search = string.Empty;
    private BookingStatus? _status;
    private int? _ticketTypeId;
    private Attendance? _attendance;
    private int? _confirmCancelId;
    private bool _exportNeeds;
    private string? _message;
    private bool _messageIsError;
    private IReadOnlyList<FieldError> _errors = [];
    private BookingForm _add = new();

    [Inject]
    private AttendeeService Attendees { get; set; } = default!;

    [Inject]
    private TicketTypeAdminService TicketTypes { get; set; } = default!;

    internal static string StatusLabel(BookingStatus s) => s switch
    {
        BookingStatus.AwaitingApproval => "Awaiting approval",
        BookingStatus.Offered => "Offered",
        BookingStatus.Held => "Held (email not confirmed)",
        BookingStatus.Waiting => "Waiting",
        _ => s.ToString(),
    };

    // An organiser on none of the event's teams gets the not-found page (OrganiserEventPage), not an empty list.
    protected override async Task OnEventLoadedAsync(EventHub.Core.Events.EventDetail detail)
    {
        _ticketTypes = await TicketTypes.ListAsync(await CurrentActor.GetAsync(), Id);
        await RefreshCountsAsync();
    }

    private async Task RefreshCountsAsync() => _counts = await Attendees.CountsAsync(await CurrentActor.GetAsync(), Id);

    // One page at a time from the server, so 5,000 bookings stay fast.
    private async Task<TableData<AttendeeRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var actor = await CurrentActor.GetAsync();
        var page = await Attendees.ListAsync(actor, new AttendeeQuery(Id, _search, _status, _ticketTypeId, state.Page, state.PageSize, _attendance), ct);
        return new TableData<AttendeeRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task CancelAsync(AttendeeRow r) => RunAsync(a => Attendees.CancelAsync(a, r.Id, null), $"{r.Name}'s booking is cancelled.");

    private Task ApproveAsync(AttendeeRow r) => RunAsync(a => Attendees.ApproveAsync(a, r.Id), $"{r.Name} approved.");

    private Task DeclineAsync(AttendeeRow r) => RunAsync(a => Attendees.DeclineAsync(a, r.Id, null), $"{r.Name} declined.");

    private Task MoveUpAsync(AttendeeRow r) => RunAsync(a => Attendees.MoveUpAsync(a, r.Id), $"{r.Name} moved up the waiting list.");

    private Task OfferAsync(AttendeeRow r) => RunAsync(a => Attendees.OfferPlaceAsync(a, r.Id), $"A place is offered to {r.Name}.");

    private async Task RunAsync(Func<Actor, Task<Outcome<BookingStatus>>> action, string success)
    {
        var outcome = await action(await CurrentActor.GetAsync());
        _confirmCancelId = null;
        _messageIsError = !outcome.Succeeded;
        _message = outcome.Succeeded ? success : outcome.Message;
        await RefreshCountsAsync();
        await ReloadAsync();
    }

    private async Task AddAsync()
    {
        var outcome = await Attendees.AddByHandAsync(await CurrentActor.GetAsync(), Id, _add);
        if (!outcome.Succeeded)
        {
            _errors = outcome.Errors;
            return;
        }

        _errors = [];
        _messageIsError = false;
        _message = $"{_add.Name.Trim()} added ({StatusLabel(outcome.Value!.Status).ToLowerInvariant()}). Reference {outcome.Value.Reference}.";
        _add = new BookingForm();
        await RefreshCountsAsync();
        await ReloadAsync();
    }
}
