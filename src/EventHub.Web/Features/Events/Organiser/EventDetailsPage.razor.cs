using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Events.Organiser;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Events.Organiser;

public partial class EventDetailsPage : OrganiserEventPage
{
    private EventDetail? _detail;
    private EventHub.Core.Events.Access.EventPermissions? _permissions;
    private RoomInput _room = new();
    private int? _editingRoomId;
    private IReadOnlyList<FieldError> _roomErrors = [];
    private SessionInput _session = new();
    private int? _editingSessionId;
    private IReadOnlyList<FieldError> _sessionErrors = [];
    private EventStatus? _confirmStatus;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private AgendaService Agenda { get; set; } = default!;

    [Inject]
    private EventHub.Core.Events.Access.EventAccess Access { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<(string, string)> RoomChoices =>
        [(string.Empty, "No particular room"), .. (_detail?.Rooms ?? []).Select(r => (r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name))];

    protected override async Task OnEventLoadedAsync(EventDetail detail)
    {
        _detail = detail;
        _permissions = await Access.ForEventAsync(Actor, detail.Event.Id);
        ResetSessionForm();
    }

    private async Task LoadAsync()
    {
        await LoadEventAsync();
        _detail = Detail;
        _permissions = Detail is null ? null : await Access.ForEventAsync(Actor, Detail.Event.Id);
    }

    private async Task SetStatusAsync(EventStatus status)
    {
        _confirmStatus = null;
        var outcome = await Events.SetStatusAsync(await CurrentActor.GetAsync(), Id, status);
        if (outcome.Succeeded)
        {
            Say(status switch
            {
                EventStatus.Published => "Event published. It now shows on the public pages.",
                EventStatus.Cancelled => "Event cancelled. The public page now says so.",
                EventStatus.Completed => "Event marked as taken place.",
                _ => "Event moved back to draft. It is no longer public.",
            });
        }
        else
        {
            Say(outcome.Errors[0].Message, error: true);
        }

        await LoadAsync();
    }

    private void EditRoom(Room room)
    {
        _editingRoomId = room.Id;
        _room = new RoomInput { Name = room.Name, Capacity = room.Capacity, AccessibilityNotes = room.AccessibilityNotes };
        _roomErrors = [];
    }

    private void ResetRoomForm()
    {
        _editingRoomId = null;
        _room = new RoomInput();
        _roomErrors = [];
    }

    private async Task SaveRoomAsync()
    {
        var outcome = await Agenda.SaveRoomAsync(await CurrentActor.GetAsync(), Id, _editingRoomId, _room);
        if (!outcome.Succeeded)
        {
            _roomErrors = outcome.Errors;
            return;
        }

        Say(_editingRoomId is null ? $"Room \"{outcome.Value!.Name}\" added." : $"Room \"{outcome.Value!.Name}\" saved.");
        ResetRoomForm();
        await LoadAsync();
    }

    private async Task DeleteRoomAsync(Room room)
    {
        var outcome = await Agenda.DeleteRoomAsync(await CurrentActor.GetAsync(), Id, room.Id);
        Say(outcome.Succeeded ? $"Room \"{room.Name}\" deleted." : outcome.Errors[0].Message, !outcome.Succeeded);
        await LoadAsync();
    }

    private void EditSession(Session s)
    {
        var zone = _detail!.Event.TimeZoneId;
        _editingSessionId = s.Id;
        _session = new SessionInput
        {
            Title = s.Title,
            Description = s.Description,
            Speakers = s.Speakers,
            RoomId = s.RoomId,
            StartLocal = EventTime.ToLocal(s.StartUtc, zone),
            EndLocal = EventTime.ToLocal(s.EndUtc, zone),
            Capacity = s.Capacity,
        };
        _sessionErrors = [];
    }

    private void ResetSessionForm()
    {
        _editingSessionId = null;
        _sessionErrors = [];
        var ev = _detail?.Event;
        _session = ev is null
            ? new SessionInput()
            : new SessionInput { StartLocal = EventTime.ToLocal(ev.StartUtc, ev.TimeZoneId), EndLocal = EventTime.ToLocal(ev.StartUtc, ev.TimeZoneId).AddHours(1) };
    }

    private async Task SaveSessionAsync()
    {
        var outcome = await Agenda.SaveSessionAsync(await CurrentActor.GetAsync(), Id, _editingSessionId, _session);
        if (!outcome.Succeeded)
        {
            _sessionErrors = outcome.Errors;
            return;
        }

        Say(_editingSessionId is null ? $"Session \"{outcome.Value!.Title}\" added." : $"Session \"{outcome.Value!.Title}\" saved.");
        await LoadAsync();
        ResetSessionForm();
    }

    private async Task DeleteSessionAsync(Session s)
    {
        var outcome = await Agenda.DeleteSessionAsync(await CurrentActor.GetAsync(), Id, s.Id);
        Say(outcome.Succeeded ? $"Session \"{s.Title}\" deleted." : outcome.Errors[0].Message, !outcome.Succeeded);
        await LoadAsync();
    }

    private void Say(string message, bool error = false)
    {
        _message = message;
        _messageIsError = error;
        Snackbar.Add(message, error ? Severity.Error : Severity.Success);
    }

    private static string StatusVerb(EventStatus status) => status switch
    {
        EventStatus.Cancelled => "Cancel the event",
        EventStatus.Draft => "Unpublish",
        _ => status.ToString(),
    };

    private static string ConfirmText(EventStatus status) => status switch
    {
        EventStatus.Cancelled => "Cancel this event? The public page will say it is cancelled and booking stops.",
        EventStatus.Draft => "Unpublish this event? It will disappear from the public pages.",
        _ => "Are you sure?",
    };

    private static string BookingWindow(Event ev)
    {
        var opens = ev.BookingOpensUtc is { } o ? "opens " + EventTime.FormatDateTime(o, ev.TimeZoneId) : "open once published";
        var closes = ev.BookingClosesUtc is { } c ? ", closes " + EventTime.FormatDateTime(c, ev.TimeZoneId) : ", closes when the event starts";
        return opens + closes;
    }
}
