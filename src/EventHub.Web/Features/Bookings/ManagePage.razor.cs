using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Bookings;

/// <summary>The private manage link: ticket, answers, sessions, cancel, waiting list and offers. No sign-in; the token is the key.</summary>
public partial class ManagePage
{
    private ManageView? _view;
    private bool _loaded;
    private string? _message;
    private IReadOnlyList<FieldError> _errors = [];
    private Dictionary<int, string> _answers = [];
    private string _dietary = string.Empty;
    private string _access = string.Empty;
    private HashSet<int> _sessions = [];
    private bool _confirmCancel;
    private bool _linkActionPending;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// "accept-offer" or "decline-offer" from the email links. The action runs once the page is interactive (a person's
    /// browser), never on the plain GET that mail scanners make, which only sees the offer.
    /// </summary>
    [Parameter]
    public string? Action { get; set; }

    [Inject]
    private BookingService Bookings { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (Action is not (null or "accept-offer" or "decline-offer"))
        {
            _view = null;
            _loaded = true;
            return;
        }

        await LoadAsync();
        _linkActionPending = Action is not null && _view?.Booking.Status == BookingStatus.Offered;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Prerendering (and any GET without a live circuit) never gets here with IsInteractive, so a scanner that
        // fetches the link changes nothing; a person's browser accepts or declines with that one click.
        if (!firstRender || !_linkActionPending || !RendererInfo.IsInteractive)
        {
            return;
        }

        _linkActionPending = false;
        if (Action == "accept-offer")
        {
            await AcceptAsync();
        }
        else
        {
            await DeclineAsync();
        }

        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        _view = await Bookings.GetByTokenAsync(Token);
        _loaded = true;
        if (_view is { } v)
        {
            _answers = v.Booking.Answers.ToDictionary(a => a.QuestionId, a => a.Value);
            _dietary = v.Booking.DietaryNeeds;
            _access = v.Booking.AccessNeeds;
            _sessions = v.Booking.Sessions.Select(s => s.SessionId).ToHashSet();
        }
    }

    private static string Heading(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "Your booking",
        BookingStatus.Waiting => "You are on the waiting list",
        BookingStatus.Offered => "A place is waiting for you",
        BookingStatus.AwaitingApproval => "Your request is waiting for approval",
        BookingStatus.Declined => "Your request was not accepted",
        _ => "This booking is cancelled",
    };

    private static string StatusText(ManageView v) => v.Booking.Status switch
    {
        BookingStatus.Confirmed => "Confirmed",
        BookingStatus.Waiting => $"Waiting list, number {v.WaitlistPosition}",
        BookingStatus.Offered => "Place offered",
        BookingStatus.AwaitingApproval => "Awaiting approval",
        BookingStatus.Declined => "Declined",
        _ => "Cancelled",
    };

    private static string QrDataUri(string code) => ManagePageQr.DataUri(code);

    private async Task AcceptAsync() => await AfterAsync(await Bookings.AcceptOfferAsync(Token), "The place is yours. Your ticket is below and we have emailed it to you.");

    private async Task DeclineAsync() => await AfterAsync(await Bookings.DeclineOfferAsync(Token), "You turned down the place. It has been offered to the next person.");

    private async Task CancelAsync()
    {
        var waiting = _view?.Booking.Status == BookingStatus.Waiting;
        _confirmCancel = false;
        await AfterAsync(await Bookings.CancelAsync(Token), waiting ? "You have left the waiting list." : "Your booking is cancelled.");
    }

    private async Task SaveSessionsAsync()
    {
        var outcome = await Bookings.ChooseSessionsAsync(Token, _sessions);
        _errors = outcome.Errors;
        if (outcome.Succeeded)
        {
            _message = "Your sessions are saved.";
            await LoadAsync();
        }
    }

    private async Task SaveAnswersAsync()
    {
        var outcome = await Bookings.UpdateAnswersAsync(Token, _answers, _dietary, _access);
        _errors = outcome.Errors;
        if (outcome.Succeeded)
        {
            _message = "Your answers are saved.";
            await LoadAsync();
        }
    }

    private async Task AfterAsync(Outcome<BookingStatus> outcome, string success)
    {
        _errors = outcome.Errors;
        _message = outcome.Succeeded ? success : null;
        await LoadAsync();
    }

    private static List<ChoiceOption<int>> SessionChoices(ManageView view, string timeZoneId) =>
        view.Sessions.Where(s => s.Capacity is not null).Select(s =>
        {
            var mine = view.Booking.Sessions.FirstOrDefault(x => x.SessionId == s.Id);
            var note = mine?.Status switch
            {
                SessionBookingStatus.Waiting => "(on the waiting list)",
                SessionBookingStatus.Confirmed => "(place confirmed)",
                _ => null,
            };
            return new ChoiceOption<int>(s.Id, $"{s.Title}, {EventTime.FormatClock(s.StartUtc, timeZoneId)}", note, TestId: $"manage-session-{s.Id}");
        }).ToList();
}
