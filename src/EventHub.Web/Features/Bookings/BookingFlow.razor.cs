using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Bookings;

/// <summary>The visitor's booking journey on one event: form, then check your answers, then the confirmation.</summary>
public partial class BookingFlow
{
    private Step _step = Step.Form;
    private IReadOnlyList<FieldError> _errors = [];
    private BookingResult? _result;
    private bool _busy;
    private bool _alreadyBooked;
    private bool _linkResent;

    private enum Step
    {
        Form,
        Check,
        Done,
    }

    [Parameter, EditorRequired]
    public BookingFormModel Model { get; set; } = default!;

    /// <summary>The form being filled; owned by the page so it survives re-renders.</summary>
    [Parameter, EditorRequired]
    public BookingForm Form { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<BookingForm, Task<Outcome<BookingResult>>> Submit { get; set; } = default!;

    [Parameter]
    public Func<string, Task>? ResendLink { get; set; }

    private void SetAnswer(QuestionAnswer answer) => Form.Answers[answer.QuestionId] = answer.Value;

    private IReadOnlyList<ChoiceOption<int?>> TicketTypeChoices =>
        [.. Model.TicketTypes.Select(t => new ChoiceOption<int?>(t.Id, t.Name, TestId: $"ticket-{t.Id}"))];

    private IReadOnlyList<ChoiceOption<int>> SessionChoices =>
        [.. Model.Sessions.Where(s => s.Capacity is not null).Select(s => new ChoiceOption<int>(
            s.Id, $"{s.Title}, {EventTime.FormatClock(s.StartUtc, Model.Event.TimeZoneId)}", TestId: $"session-{s.Id}"))];

    // Kept in the order the event lists them, whatever order they were ticked in.
    private void ChooseSessions(IReadOnlySet<int> ids) =>
        Form.SessionIds = [.. Model.Sessions.Select(s => s.Id).Where(ids.Contains)];

    private void Continue()
    {
        // The same rules BookingService applies, so the person hears about a mistake before checking their answers.
        _errors = BookingRules.Validate(Form, Model.Questions, Model.TicketTypes.Count);
        _alreadyBooked = false;
        if (_errors.Count == 0)
        {
            _step = Step.Check;
        }
    }

    private async Task ConfirmAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Submit(Form);
            if (outcome.Succeeded)
            {
                _result = outcome.Value;
                _step = Step.Done;
                return;
            }

            _alreadyBooked = outcome.ErrorCode == BookingErrors.AlreadyBooked.Code;
            _errors = _alreadyBooked ? [new FieldError(nameof(BookingForm.Email), "This email address already has a booking for this event")] : outcome.Errors;
            _step = Step.Form;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ResendAsync()
    {
        if (ResendLink is not null)
        {
            await ResendLink(Form.Email);
            _linkResent = true;
        }
    }
}
