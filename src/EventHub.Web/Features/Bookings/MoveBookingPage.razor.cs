using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Bookings;

/// <summary>An organiser moves one confirmed booking to another ticket type or other sessions.</summary>
public partial class MoveBookingPage
{
    private MoveView? _view;
    private bool _loaded;
    private int? _ticketTypeId;
    private HashSet<int> _sessions = [];
    private IReadOnlyList<FieldError> _errors = [];

    [Parameter]
    public int BookingId { get; set; }

    [Inject]
    private BookingMoveService Moves { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    // An organiser on none of the event's teams gets the not-found page (OrganiserEventPage); a booking of another
    // event gets "Booking not found".
    protected override async Task OnEventLoadedAsync(EventHub.Core.Events.EventDetail detail)
    {
        _view = await Moves.GetMoveViewAsync(Actor, Id, BookingId);
        _loaded = true;
        _ticketTypeId = _view?.TicketTypeId;
        _sessions = _view?.SessionIds.ToHashSet() ?? [];
    }

    private static string TicketLabel(TicketType t) =>
        AttendanceText.Name(t) + (t.Quota is { } q ? $" ({t.PlacesTaken} of {q} taken)" : string.Empty);

    private static List<(string Value, string Text)> TicketOptions(MoveView v)
    {
        var options = v.TicketTypes.Select(t => (t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), TicketLabel(t))).ToList();
        if (v.TicketTypeId is null)
        {
            options.Insert(0, (string.Empty, "No ticket type (as now)"));
        }

        return options;
    }

    private async Task MoveAsync()
    {
        var sessions = _view!.Sessions.Count > 0 ? _sessions.ToList() : null;
        var outcome = await Moves.MoveAsync(await CurrentActor.GetAsync(), new MoveRequest(BookingId, _ticketTypeId, sessions));
        _errors = outcome.Errors;
        if (!outcome.Succeeded)
        {
            Snackbar.Add(outcome.Message!, Severity.Warning);
            return;
        }

        Snackbar.Add($"{_view.Name} moved: {outcome.Value}. We have emailed them.", Severity.Success);
        Navigation.NavigateTo($"/organiser/events/{Id}/attendees");
    }

    /// <summary>The sessions as checkboxes; the first keeps the field's id so the error summary's link lands on it.</summary>
    private static List<ChoiceOption<int>> SessionChoices(MoveView view) =>
        view.Sessions.Select((s, i) => new ChoiceOption<int>(
            s.Id,
            $"{s.Title}, {EventTime.FormatClock(s.StartUtc, view.TimeZoneId)} ({s.PlacesTaken} of {s.Capacity} taken)",
            Id: i == 0 ? null : $"session-{s.Id}",
            TestId: $"move-session-{s.Id}")).ToList();
}
