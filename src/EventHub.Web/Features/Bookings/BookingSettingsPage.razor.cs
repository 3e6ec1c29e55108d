using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Components.Shared;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Events.Organiser;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Bookings;

/// <summary>Eligibility, waiting-list options, ticket types and registration questions for one event.</summary>
public partial class BookingSettingsPage : OrganiserEventPage
{
    private BookingSettings? _settings;
    private IReadOnlyList<TicketType> _ticketTypes = [];
    private IReadOnlyList<RegistrationQuestion> _questions = [];
    private IReadOnlyList<FieldError> _errors = [];
    private string? _message;
    private string? _slug;
    private string? _generalOpensText;
    private string _zoneName = EventTime.DefaultTimeZoneId;
    private string _ticketName = string.Empty;
    private int? _ticketQuota;
    private bool _ticketHidden;
    private Attendance _ticketAttendance;

    private static readonly IReadOnlyList<ChoiceOption<Attendance>> AttendanceOptions =
    [
        new(Attendance.InPerson, "In person", "– a place in the room, counted in the event's capacity", TestId: "ticket-attendance-InPerson"),
        new(Attendance.Online, "Online", "– joins online: its own number of places, and the joining link once confirmed", TestId: "ticket-attendance-Online"),
    ];
    private string _ticketDescription = string.Empty;
    private int? _editingTypeId;
    private string? _editingTypeName;
    private int? _confirmRemoveTypeId;
    private bool _messageIsError;
    private int? _editingQuestionId;
    private int? _confirmRemoveQuestionId;
    private string _questionHint = string.Empty;
    private string _questionText = string.Empty;
    private QuestionKind _questionKind;
    private string _questionOptions = string.Empty;
    private bool _questionRequired;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<BookingOptions> BookingOptionsAccessor { get; set; } = default!;

    private BookingOptions BookingOptionsValue => BookingOptionsAccessor.Value;

    [Inject]
    private BookingSettingsService Settings { get; set; } = default!;

    [Inject]
    private TicketTypeAdminService TicketTypes { get; set; } = default!;

    [Inject]
    private QuestionAdminService Questions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private static string KindLabel(QuestionKind k) => k switch
    {
        QuestionKind.ShortText => "Short text",
        QuestionKind.LongText => "Long text",
        QuestionKind.SingleChoice => "One choice from a list",
        QuestionKind.MultipleChoice => "Several choices from a list",
        _ => "Yes or no",
    };

    protected override async Task OnEventLoadedAsync(EventDetail detail)
    {
        _slug = detail.Event.Slug;
        _zoneName = detail.Event.TimeZoneId;
        _generalOpensText = detail.Event.BookingOpensUtc is { } opens ? EventTime.FormatDateTime(opens, detail.Event.TimeZoneId) : null;
        _settings = await Settings.GetAsync(Actor, Id);
        await ReloadListsAsync();
    }

    // The page has three forms: field ids carry a prefix so the error summary links to the right one.
    private static List<FieldError> Prefixed(IReadOnlyList<FieldError> errors, string prefix) =>
        errors.Select(e => e.Field.Length == 0 ? e : e with { Field = prefix + e.Field }).ToList();

    private async Task ReloadListsAsync()
    {
        _ticketTypes = await TicketTypes.ListAsync(Actor, Id);
        _questions = await Questions.ListAsync(Actor, Id);
    }

    private async Task SaveSettingsAsync()
    {
        var outcome = await Settings.SaveAsync(await CurrentActor.GetAsync(), _settings!);
        _errors = outcome.Errors;
        if (outcome.Succeeded)
        {
            Say(outcome.Value!.PriorityOpensUtc is { } p
                ? $"Booking settings saved. Priority booking opens {EventTime.FormatDateTime(p, _zoneName)}."
                : "Booking settings saved.");
        }
    }

    private void Say(string text, bool error = false)
    {
        _message = text;
        _messageIsError = error;
        Snackbar.Add(text, error ? Severity.Warning : Severity.Success);
    }

    /// <summary>Shows the result of a list action: the refusal (which says what to do instead) or what happened.</summary>
    private async Task AfterListActionAsync(Outcome<string> outcome, Func<string, string> success)
    {
        _errors = outcome.Succeeded ? [] : outcome.Errors;
        if (outcome.Succeeded)
        {
            Say(success(outcome.Value!));
        }
        else
        {
            Say(outcome.Message!, error: true);
        }

        await ReloadListsAsync();
    }

    private void EditTicketType(TicketType t)
    {
        (_editingTypeId, _editingTypeName, _ticketName, _ticketDescription, _ticketQuota, _ticketHidden, _ticketAttendance) =
            (t.Id, t.Name, t.Name, t.Description, t.Quota, t.Hidden, t.Attendance);
        _errors = [];
    }

    private void ClearTicketForm() =>
        (_editingTypeId, _editingTypeName, _ticketName, _ticketDescription, _ticketQuota, _ticketHidden, _ticketAttendance) =
            (null, null, string.Empty, string.Empty, null, false, Attendance.InPerson);

    private async Task SaveTicketTypeAsync()
    {
        var editing = _editingTypeId is not null;
        var outcome = await TicketTypes.SaveAsync(await CurrentActor.GetAsync(), Id, _editingTypeId, _ticketName, _ticketDescription, _ticketQuota, _ticketHidden, _ticketAttendance);
        _errors = Prefixed(outcome.Errors, "ticket-");
        if (outcome.Succeeded)
        {
            Say(editing ? $"Ticket type \"{outcome.Value!.Name}\" saved." : $"Ticket type \"{outcome.Value!.Name}\" added.");
            ClearTicketForm();
            await ReloadListsAsync();
        }
    }

    private async Task MoveTicketTypeAsync(TicketType t, bool up) =>
        await AfterListActionAsync(await TicketTypes.MoveAsync(await CurrentActor.GetAsync(), Id, t.Id, up), name => $"\"{name}\" moved {(up ? "up" : "down")}.");

    private async Task RemoveTicketTypeAsync(TicketType t)
    {
        _confirmRemoveTypeId = null;
        await AfterListActionAsync(await TicketTypes.RemoveAsync(await CurrentActor.GetAsync(), Id, t.Id), name => $"Ticket type \"{name}\" removed.");
        if (_editingTypeId == t.Id && _message is not null && !_messageIsError)
        {
            ClearTicketForm();
        }
    }

    private void EditQuestion(RegistrationQuestion q)
    {
        (_editingQuestionId, _questionText, _questionHint, _questionKind, _questionRequired, _questionOptions) = (q.Id, q.Text, q.Hint, q.Kind, q.Required, q.Options);
        _errors = [];
    }

    private void ClearQuestionForm() =>
        (_editingQuestionId, _questionText, _questionHint, _questionKind, _questionRequired, _questionOptions) = (null, string.Empty, string.Empty, QuestionKind.ShortText, false, string.Empty);

    private async Task SaveQuestionAsync()
    {
        var editing = _editingQuestionId is not null;
        var outcome = await Questions.SaveAsync(await CurrentActor.GetAsync(), Id, _editingQuestionId, _questionText, _questionHint, _questionKind, _questionRequired, _questionOptions);
        _errors = Prefixed(outcome.Errors, "question-");
        if (outcome.Succeeded)
        {
            Say(editing ? "Question saved." : "Question added.");
            ClearQuestionForm();
            await ReloadListsAsync();
        }
    }

    private async Task MoveQuestionAsync(RegistrationQuestion q, bool up) =>
        await AfterListActionAsync(await Questions.MoveAsync(await CurrentActor.GetAsync(), Id, q.Id, up), _ => $"Question moved {(up ? "up" : "down")}.");

    private async Task SetHiddenAsync(RegistrationQuestion q, bool hidden) =>
        await AfterListActionAsync(await Questions.SetHiddenAsync(await CurrentActor.GetAsync(), Id, q.Id, hidden),
            _ => hidden ? "Question hidden: it is no longer asked, and the answers already given are kept." : "Question shown: it is asked again.");

    private async Task RemoveQuestionAsync(RegistrationQuestion q)
    {
        _confirmRemoveQuestionId = null;
        await AfterListActionAsync(await Questions.RemoveAsync(await CurrentActor.GetAsync(), Id, q.Id), _ => "Question removed.");
    }

    private static readonly IReadOnlyList<ChoiceOption<EligibilityMode>> EligibilityChoices =
    [
        new(EligibilityMode.OpenToAll, "Open to everyone"),
        new(EligibilityMode.AllowedDomains, "Only people with an email address from allowed domains", TestId: "eligibility-domains"),
        new(EligibilityMode.ApprovalRequired, "Every booking needs our approval"),
    ];

    private static readonly IReadOnlyList<ChoiceOption<OutsideDomainAction>> OutsideDomainChoices =
    [
        new(OutsideDomainAction.Refuse, "Cannot book"),
        new(OutsideDomainAction.RequestApproval, "Can ask us to approve them"),
    ];
}
