using System.Globalization;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Bookings;

/// <summary>
/// The private manage link: ticket, answers, sessions, cancel, waiting list and offers. No sign-in; the token is the key.
/// Each action is a plain form post handled here and acted on by <see cref="BookingService"/> alone; success redirects
/// back with a <see cref="Done"/> word that says what happened, a refusal shows the error summary with what was typed.
/// </summary>
public partial class ManagePage
{
    /// <summary>The route word of the email's "accept the place" link: the page shows the offer, a button accepts it.</summary>
    public const string AcceptOfferAction = "accept-offer";

    /// <summary>The route word of the email's "no thanks" link: the page asks first, a button declines.</summary>
    public const string DeclineOfferAction = "decline-offer";

    /// <summary>The route word of the held-place mail's link: the page shows the hold, a button keeps it.</summary>
    public const string ConfirmEmailAction = "confirm-email";

    /// <summary>The route word that shows "are you sure?" before cancelling or leaving the waiting list.</summary>
    public const string CancelAction = "cancel";

    private const string OfferField = "offer";
    private const string CancelField = "cancel";
    private const string CancelBooking = "booking";
    private const string LeaveWaitlist = "waitlist";

    private static readonly Dictionary<string, string> DoneMessages = new(StringComparer.Ordinal)
    {
        ["confirmed"] = "Thank you: the place is yours. Your ticket is below and we have emailed it to you.",
        ["accepted"] = "The place is yours. Your ticket is below and we have emailed it to you.",
        ["declined"] = "You turned down the place. It has been offered to the next person.",
        ["cancelled"] = "Your booking is cancelled.",
        ["left-waiting-list"] = "You have left the waiting list.",
        ["answers"] = "Your answers are saved.",
        ["sessions"] = "Your sessions are saved.",
    };

    private ManageView? _view;
    private FeedbackFormView? _feedback;
    private bool _loaded;
    private IReadOnlyList<FieldError> _errors = [];
    private Dictionary<int, string> _answers = [];
    private string _dietary = string.Empty;
    private string _access = string.Empty;
    private HashSet<int> _sessions = [];

    [Parameter]
    public string Token { get; set; } = string.Empty;

    /// <summary><see cref="AcceptOfferAction"/>, <see cref="DeclineOfferAction"/>, <see cref="ConfirmEmailAction"/> or <see cref="CancelAction"/>: what the page opens on. A GET never acts.</summary>
    [Parameter]
    public string? Action { get; set; }

    /// <summary>Set by the redirect after an action (Post/Redirect/Get): what happened.</summary>
    [SupplyParameterFromQuery(Name = "done")]
    public string? Done { get; set; }

    [Inject]
    private BookingService Bookings { get; set; } = default!;

    /// <summary>Whether this booking may give feedback now (after the event has started, once): the Feedback feature decides.</summary>
    [Inject]
    private FeedbackService Feedback { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private string? Message => _errors.Count == 0 && Done is not null && DoneMessages.TryGetValue(Done, out var message) ? message : null;

    /// <summary>The address that asks "are you sure?" before cancelling.</summary>
    public static string CancelRoute(string token) => $"{ManageRoutes.Manage(token)}/{CancelAction}#cancel";

    protected override async Task OnParametersSetAsync()
    {
        if (Action is not (null or AcceptOfferAction or DeclineOfferAction or ConfirmEmailAction or CancelAction))
        {
            _view = null;
            _loaded = true;
            return;
        }

        _view = await Bookings.GetByTokenAsync(Token);
        _feedback = _view is null ? null : await Feedback.GetFormAsync(Token);
        _loaded = true;
        if (_view is { } v)
        {
            _answers = v.Booking.Answers.ToDictionary(a => a.QuestionId, a => a.Value);
            _dietary = v.Booking.DietaryNeeds;
            _access = v.Booking.AccessNeeds;
            _sessions = [.. v.Booking.Sessions.Select(s => s.SessionId)];
        }
    }

    private async Task AnswerOfferAsync()
    {
        var accept = (await PostedAsync())[OfferField].FirstOrDefault() == "accept";
        var outcome = accept ? await Bookings.AcceptOfferAsync(Token) : await Bookings.DeclineOfferAsync(Token);
        await AfterAsync(outcome, accept ? "accepted" : "declined");
    }

    private async Task ConfirmEmailAsync() => await AfterAsync(await Bookings.ConfirmEmailAsync(Token), "confirmed");

    private async Task CancelAsync()
    {
        var leave = (await PostedAsync())[CancelField].FirstOrDefault() == LeaveWaitlist;
        var outcome = leave ? await Bookings.LeaveWaitlistAsync(Token) : await Bookings.CancelAsync(Token);
        await AfterAsync(outcome, leave ? "left-waiting-list" : "cancelled");
    }

    private async Task SaveSessionsAsync()
    {
        var posted = await PostedAsync();
        _sessions = [.. posted["SessionIds"].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>()];
        await AfterAsync(await Bookings.ChooseSessionsAsync(Token, _sessions), "sessions");
    }

    private async Task SaveAnswersAsync()
    {
        var posted = await PostedAsync();
        // Only the questions still asked are on the form; the answers to hidden ones stay as they were.
        BookingFormPost.ReadAnswers(posted, AskedQuestions(_view), _answers);
        _dietary = posted["DietaryNeeds"].FirstOrDefault() ?? string.Empty;
        _access = posted["AccessNeeds"].FirstOrDefault() ?? string.Empty;
        await AfterAsync(await Bookings.UpdateAnswersAsync(Token, _answers, _dietary, _access), "answers");
    }

    private async Task<IFormCollection> PostedAsync() =>
        HttpContext is { } http ? await http.Request.ReadFormAsync() : FormCollection.Empty;

    /// <summary>Success: back to the page with what happened (Post/Redirect/Get). A refusal: the page again, with the error summary and the input kept.</summary>
    private async Task AfterAsync<T>(Outcome<T> outcome, string done)
    {
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"{ManageRoutes.Manage(Token)}?done={done}");
            return;
        }

        _errors = outcome.Errors;
        var fresh = await Bookings.GetByTokenAsync(Token);
        if (fresh is not null)
        {
            // The status may have moved on (an offer ran out); what the person typed stays as typed.
            _view = fresh;
        }
    }

    private static string Heading(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "Your booking",
        BookingStatus.Waiting => "You are on the waiting list",
        BookingStatus.Offered => "A place is waiting for you",
        BookingStatus.Held => "Confirm your email address to keep your place",
        BookingStatus.AwaitingApproval => "Your request is waiting for approval",
        BookingStatus.Declined => "Your request was not accepted",
        _ => "This booking is cancelled",
    };

    private static string StatusText(ManageView v) => v.Booking.Status switch
    {
        BookingStatus.Confirmed => "Confirmed",
        BookingStatus.Waiting => $"Waiting list, number {v.WaitlistPosition}",
        BookingStatus.Offered => "Place offered",
        BookingStatus.Held => "Held until you confirm your email address",
        BookingStatus.AwaitingApproval => "Awaiting approval",
        BookingStatus.Declined => "Declined",
        _ => "Cancelled",
    };

    private static List<RegistrationQuestion> AskedQuestions(ManageView? view) => [.. view?.Questions.Where(q => !q.Hidden) ?? []];

    private static string QrDataUri(string code) => ManagePageQr.DataUri(code);

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
