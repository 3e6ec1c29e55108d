using EventHub.Core.Booking;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Booking;

/// <summary>Eligibility, waiting-list options, ticket types and registration questions for one event.</summary>
public partial class BookingSettingsPage
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
    private string _questionText = string.Empty;
    private QuestionKind _questionKind;
    private string _questionOptions = string.Empty;
    private bool _questionRequired;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private BookingAdminService Admin { get; set; } = default!;

    [Inject]
    private EventService Events { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private static string KindLabel(QuestionKind k) => k switch
    {
        QuestionKind.ShortText => "Short text",
        QuestionKind.LongText => "Long text",
        QuestionKind.SingleChoice => "One choice from a list",
        QuestionKind.MultipleChoice => "Several choices from a list",
        _ => "Yes or no",
    };

    protected override async Task OnParametersSetAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var detail = await Events.GetAsync(actor, Id);
        if (detail is null)
        {
            Navigation.NotFound();
            return;
        }

        _slug = detail.Event.Slug;
        _zoneName = detail.Event.TimeZoneId;
        _generalOpensText = detail.Event.BookingOpensUtc is { } opens ? EventTime.FormatDateTime(opens, detail.Event.TimeZoneId) : null;
        _settings = await Admin.GetSettingsAsync(actor, Id);
        await ReloadListsAsync();
    }

    // The page has three forms: field ids carry a prefix so the error summary links to the right one.
    private static List<FieldError> Prefixed(IReadOnlyList<FieldError> errors, string prefix) =>
        errors.Select(e => e.Field.Length == 0 ? e : e with { Field = prefix + e.Field }).ToList();

    private async Task ReloadListsAsync()
    {
        _ticketTypes = await Admin.TicketTypesAsync(Id);
        _questions = await Admin.QuestionsAsync(Id);
    }

    private async Task SaveSettingsAsync()
    {
        var outcome = await Admin.SaveSettingsAsync(await CurrentActor.GetAsync(), _settings!);
        _errors = outcome.Errors;
        _message = !outcome.Succeeded ? null
            : outcome.Value!.PriorityOpensUtc is { } p ? $"Booking settings saved. Priority booking opens {EventTime.FormatDateTime(p, _zoneName)}."
            : "Booking settings saved.";
    }

    private async Task AddTicketTypeAsync()
    {
        var outcome = await Admin.SaveTicketTypeAsync(await CurrentActor.GetAsync(), Id, null, _ticketName, string.Empty, _ticketQuota, _ticketHidden);
        _errors = Prefixed(outcome.Errors, "ticket-");
        if (outcome.Succeeded)
        {
            _message = $"Ticket type \"{outcome.Value!.Name}\" added.";
            (_ticketName, _ticketQuota, _ticketHidden) = (string.Empty, null, false);
            await ReloadListsAsync();
        }
    }

    private async Task AddQuestionAsync()
    {
        var outcome = await Admin.SaveQuestionAsync(await CurrentActor.GetAsync(), Id, null, _questionText, string.Empty, _questionKind, _questionRequired, _questionOptions);
        _errors = Prefixed(outcome.Errors, "question-");
        if (outcome.Succeeded)
        {
            _message = "Question added.";
            (_questionText, _questionOptions, _questionRequired) = (string.Empty, string.Empty, false);
            await ReloadListsAsync();
        }
    }
}
